package dev.codeagent.llmpatch.provider;

/** One message of a conversation with a model; role is system, user or assistant. */
public record ModelMessage(Role role, String text) {

    public enum Role { SYSTEM, USER, ASSISTANT }

    public static ModelMessage system(String text) {
        return new ModelMessage(Role.SYSTEM, text);
    }

    public static ModelMessage user(String text) {
        return new ModelMessage(Role.USER, text);
    }

    public static ModelMessage assistant(String text) {
        return new ModelMessage(Role.ASSISTANT, text);
    }
}
