package io.fleetdashboard.ui;

import io.fleetdashboard.assistant.control.AnswerMarkdown;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;

/**
 * {@code <fd:markdown value="#{…}" styleClass="…"/>}: Markdown (an assistant's answer: the rules' or a model's)
 * rendered as HTML in a {@code div}. The component takes Markdown, never HTML: what it writes unescaped is only
 * ever {@link AnswerMarkdown}'s sanitised output, so the sanitiser is the one gate and no page needs
 * {@code escape="false"}.
 */
@FacesComponent(value = SanitizedHtml.TYPE, createTag = true, tagName = "markdown",
        namespace = SanitizedHtml.NAMESPACE)
public class SanitizedHtml extends UIComponentBase {

    public static final String TYPE = "io.fleetdashboard.ui.SanitizedHtml";
    public static final String NAMESPACE = "http://fleetdashboard.io/ui";

    @Override
    public String getFamily() {
        return "io.fleetdashboard.ui";
    }

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement("div", this);
        writer.writeAttribute("id", getClientId(context), "id");
        Object styleClass = getAttributes().get("styleClass");
        if (styleClass != null) {
            writer.writeAttribute("class", styleClass.toString(), "styleClass");
        }
        Object value = getAttributes().get("value");
        writer.write(AnswerMarkdown.toHtml(value == null ? "" : value.toString()));
        writer.endElement("div");
    }
}
