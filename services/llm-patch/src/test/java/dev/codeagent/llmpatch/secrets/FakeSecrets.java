package dev.codeagent.llmpatch.secrets;

import java.util.Random;

/**
 * Credentials shaped like real ones, generated at run time: the repository itself holds no string a secret
 * scanner would flag.
 */
public final class FakeSecrets {

    private static final String UPPER_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE64 = ALNUM + "+/";

    private FakeSecrets() {
    }

    static String chars(String alphabet, int length, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public static String awsAccessKey() {
        return "AK" + "IA" + chars(UPPER_BASE32, 16, 1);
    }

    public static String privateKey() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            body.append(chars(BASE64, 64, 10 + i)).append('\n');
        }
        return "-----BEGIN RSA " + "PRIVATE KEY-----\n" + body + "-----END RSA " + "PRIVATE KEY-----\n";
    }

    public static String githubToken() {
        return "gh" + "p_" + chars(ALNUM, 36, 2);
    }

    public static String openAiKey() {
        return "sk-" + "proj-" + chars(ALNUM, 74, 3) + "T3Blbk" + "FJ" + chars(ALNUM, 74, 4);
    }

    public static String anthropicKey() {
        return "sk-ant-" + "api03-" + chars(ALNUM, 93, 5) + "AA";
    }

    public static String slackBotToken() {
        return "xo" + "xb-" + chars("0123456789", 10, 6) + "-" + chars("0123456789", 13, 7) + "-" + chars(ALNUM, 24, 8);
    }

    public static String azureStorageConnectionString() {
        return "DefaultEndpointsProtocol=https;AccountName=shopdata;Account" + "Key=" + chars(BASE64, 86, 9)
                + "==;EndpointSuffix=core.windows.net";
    }

    public static String sqlConnectionString() {
        return "Server=tcp:shop.database.windows.net,1433;Initial Catalog=shop;User ID=app;Pass" + "word="
                + chars(ALNUM, 14, 11) + "!;Encrypt=True;";
    }

    public static String urlWithPassword() {
        return "postgres://app:" + chars(ALNUM, 16, 12) + "@db.internal:5432/shop";
    }

    public static String azureClientSecret() {
        return chars(ALNUM, 3, 13) + "8Q~" + chars(ALNUM + "_~.-", 34, 14);
    }

    public static String gitlabToken() {
        return "gl" + "pat-" + chars(ALNUM, 20, 15);
    }

    public static String npmToken() {
        return "np" + "m_" + chars(LOWER_ALNUM, 36, 16);
    }
}
