package io.fleetdashboard.assistant.entity;

/** Who wrote an answer: the rules over the snapshot, a configured model, or the simulator's stand-in model. */
public enum AnswerSource {
    RULES("quick answer from the snapshot"),
    MODEL("answer from the configured model"),
    SIMULATED("simulated model (demo mode)");

    private final String label;

    AnswerSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
