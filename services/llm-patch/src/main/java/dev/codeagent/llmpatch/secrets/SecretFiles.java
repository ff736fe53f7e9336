package dev.codeagent.llmpatch.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Files whose name says they hold secrets: they never go to a model, whatever their content looks like (a key
 * store is binary, a {@code .env} value need not match any credential pattern). Templates such as
 * {@code .env.example} are let through to the content scan, which catches a real value left in one.
 */
public final class SecretFiles {

    /** A kind of secret-holding file: {@code path} matches the lower-case path, {@code name} its last segment. */
    private record Kind(Pattern name, Pattern path, String label) {
        boolean matches(String lowerPath, String lowerName) {
            return name != null && name.matcher(lowerName).matches() || path != null && path.matcher(lowerPath).matches();
        }
    }

    private static final List<Kind> KINDS = List.of(
            named("\\.env|\\.env\\.(?!(example|sample|template|dist|defaults)$).+|.+\\.env", "environment file"),
            named(".+\\.(pem|key|p8|p12|pfx|jks|jceks|keystore|ppk|keytab|kdbx)", "key or certificate store"),
            named("id_(rsa|dsa|ecdsa|ed25519).*", "SSH key"),
            named("appsettings.*\\.json|local\\.settings\\.json", ".NET settings with connection strings"),
            named(".+\\.tfvars(\\.json)?|.+\\.tfstate(\\.backup)?", "Terraform variables or state"),
            named("secrets\\..+|\\.secrets", "secrets file"),
            named("credentials(\\..+)?|\\.git-credentials|\\.netrc|_netrc|\\.npmrc|\\.pypirc|\\.htpasswd|\\.dockercfg",
                    "credentials file"),
            new Kind(null, Pattern.compile("(.*/)?\\.docker/config\\.json"), "credentials file"),
            named("kubeconfig|.+\\.kubeconfig", "kubeconfig"),
            new Kind(null, Pattern.compile("(.*/)?\\.kube/config"), "kubeconfig"));

    private SecretFiles() {
    }

    private static Kind named(String regex, String label) {
        return new Kind(Pattern.compile(regex), null, label);
    }

    /** Why {@code path} may hold secrets by its name, or null. */
    public static String why(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        for (Kind kind : KINDS) {
            if (kind.matches(lower, name)) {
                return "may hold secrets (" + kind.label() + ")";
            }
        }
        return null;
    }
}
