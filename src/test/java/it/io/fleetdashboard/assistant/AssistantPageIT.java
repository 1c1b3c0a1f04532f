package it.io.fleetdashboard.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.PageTest;
import it.io.fleetdashboard.pages.SignInPage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Assistant page in demo mode: quick questions by rules, a free-form question answered by the simulator's
 * stand-in model, the answer with its sources and what was sent, history, new conversation.
 */
class AssistantPageIT extends PageTest {

    static final String VIEWER_KEY = System.getProperty("it.viewer.key", "it-viewer-key");

    @BeforeAll
    void aSnapshot() {
        Api.refresh();
    }

    List<WebElement> answers() {
        return driver.findElements(By.cssSelector(".turn-assistant:not(.turn-live)"));
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @Test
    void aViewerAsksAQuickQuestionAndSeesTheAnswerWithItsSources() {
        int running = Api.object("/api/v1/dashboard/summary").getInt("containersRunning");
        SignInPage.open(driver, null).signInAs("viewer", VIEWER_KEY);
        driver.findElement(By.cssSelector("[data-nav='navAssistant']")).click();
        waitForAjax(driver);
        assertTrue(driver.getCurrentUrl().contains("/assistant.xhtml"), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.id("modelNote")).getText().contains("LLM_API_ENDPOINT"));

        driver.findElement(By.cssSelector("[data-quick='0']")).click();
        waiting().until(d -> answers().size() == 1);
        waitForAjax(driver);
        WebElement answer = answers().get(0);
        assertTrue(answer.findElement(By.cssSelector(".turn-answer strong")).getText().equals(String.valueOf(running)),
                answer.getText());
        assertTrue(answer.getText().contains("quick answer from the snapshot"), answer.getText());
        assertTrue(answer.findElement(By.cssSelector(".tool-call")).getText().contains("fleet_summary"));
        assertTrue(answer.findElement(By.cssSelector("a.cited-row")).getAttribute("href").endsWith("/index.xhtml"));

        answer.findElement(By.cssSelector(".turn-sent summary")).click();
        waiting().until(d -> answers().get(0).findElement(By.cssSelector(".turn-sent")).getText()
                .contains("Nothing was sent to a model"));

        driver.findElement(By.cssSelector("[data-quick='2']")).click();
        waiting().until(d -> answers().size() == 2);
        waitForAjax(driver);
        assertTrue(answers().get(1).findElement(By.cssSelector(".tool-call")).getText().contains("list_containers"));
        screenshot("assistant");
        assertEquals(1, driver.findElements(By.cssSelector("#history li.current")).size(), "the conversation listed");
    }

    @Test
    void aTypedQuestionIsShownAsTextAndANewConversationStartsEmpty() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.get(BASE + "/assistant.xhtml");
        waitForAjax(driver);
        String hostile = "<img src=x onerror=alert(1)> **why** is it slow?";
        driver.findElement(By.id("assistantForm:question")).sendKeys(hostile);
        driver.findElement(By.id("assistantForm:ask")).click();
        waiting().until(d -> answers().size() == 1);
        waitForAjax(driver);
        WebElement question = driver.findElement(By.cssSelector(".turn-user .turn-text"));
        assertEquals(hostile, question.getText(), "shown as typed, never as markup");
        assertTrue(driver.findElements(By.cssSelector(".turn img")).isEmpty());
        WebElement answer = answers().get(0);
        assertTrue(answer.getText().contains("Simulated answer"), answer.getText());
        assertTrue(answer.findElement(By.cssSelector(".turn-source")).getText().contains("simulated model"));
        answer.findElement(By.cssSelector(".turn-sent summary")).click();
        waiting().until(d -> answers().get(0).findElement(By.cssSelector(".turn-sent")).getText()
                .contains("<fleet-data>"));
        assertTrue(answers().get(0).findElement(By.cssSelector(".turn-sent")).getText().contains(hostile),
                "the question as sent");
        String title = driver.findElement(By.id("conversationTitle")).getText();
        assertTrue(title.startsWith("<img"), title);

        driver.findElement(By.id("assistantForm:newConversation")).click();
        waiting().until(d -> answers().isEmpty());
        assertEquals("New conversation", driver.findElement(By.id("conversationTitle")).getText());
        WebElement listed = driver.findElements(By.cssSelector("#history a")).stream()
                .filter(a -> a.getText().startsWith("<img")).findFirst().orElseThrow();
        listed.click();
        waitForAjax(driver);
        waiting().until(d -> answers().size() == 1);
        assertFalse(driver.findElement(By.id("conversationTitle")).getText().equals("New conversation"));
    }

    @Test
    void aStreamedAnswerArrivesPieceByPieceAndCanBeStopped() {
        SignInPage.open(driver, null).signInAs(USERNAME, KEY);
        driver.get(BASE + "/assistant.xhtml");
        waitForAjax(driver);
        driver.findElement(By.id("assistantForm:question")).sendKeys("simulate: drip, tell me everything");
        driver.findElement(By.id("assistantForm:ask")).click();
        WebElement live = waiting().until(d -> d.findElement(By.id("assistantForm:live")));
        waiting().until(d -> Integer.parseInt(java.util.Objects.requireNonNullElse(
                live.getAttribute("data-pieces"), "0")) >= 2);
        assertEquals(null, live.getAttribute("data-ended"), "still streaming");
        assertFalse(driver.findElement(By.id("liveText")).getText().isEmpty(), "the first pieces are shown");
        driver.findElement(By.id("stopAnswer")).click();

        waiting().until(d -> answers().size() == 1);
        waitForAjax(driver);
        WebElement answer = answers().get(0);
        assertTrue(answer.getText().contains("(stopped)"), answer.getText());
        assertFalse(answer.getText().contains("The fleet data I was given"), "cut where it was stopped");
        answer.findElement(By.cssSelector(".turn-sent summary")).click();
        waiting().until(d -> answers().get(0).findElement(By.cssSelector(".turn-sent")).getText()
                .contains("simulate: drip, tell me everything"));
        assertTrue(answers().get(0).findElement(By.cssSelector(".turn-sent a.download-link")).getAttribute("href")
                .contains("/api/v1/assistant/messages/"));

        // the next question in the same conversation runs a look-up: the answer lists it with its rows linked,
        // and "What was sent" shows the tool's delimited result
        driver.findElement(By.id("assistantForm:question")).sendKeys("Show stopped containers, page-marker-1");
        driver.findElement(By.id("assistantForm:ask")).click();
        waiting().until(d -> answers().size() == 2);
        waitForAjax(driver);
        WebElement looked = answers().get(1);
        assertTrue(looked.getText().contains("From the look-ups I asked for"), looked.getText());
        assertTrue(looked.findElement(By.cssSelector(".tool-call")).getText().contains("list_containers"));
        assertTrue(looked.findElement(By.cssSelector("a.cited-row")).getAttribute("href").contains("/containers/"));
        looked.findElement(By.cssSelector(".turn-sent summary")).click();
        waiting().until(d -> answers().get(1).findElement(By.cssSelector(".turn-sent")).getText()
                .contains("<tool-data tool=\"list_containers\">"));
        assertTrue(answers().get(1).findElement(By.cssSelector(".turn-sent")).getText()
                .contains("asks for list_containers"), answers().get(1).getText());

        WebElement cited = answers().get(1).findElement(By.cssSelector("a.cited-row"));
        String label = cited.getText();
        assertTrue(label.startsWith("Container "), label);
        cited.click();
        waiting().until(d -> !d.findElements(By.cssSelector("[id$='containerName']")).isEmpty());
        assertEquals(label.substring("Container ".length()), driver.findElement(By.cssSelector("[id$='containerName']")).getText(),
                "the cited row's link opens that container's page");
    }
}
