package dev.tuneagent.core.config;

import java.util.regex.Pattern;

/**
 * Refuses server URLs that carry credentials ({@code https://user:sk-...@host/v1}). Such a URL would be stored
 * with the study, printed in errors and written to cassettes; keys belong in the environment or the config file.
 * The message never repeats the URL, since the part before {@code @} is a secret.
 */
public final class UrlCredentials {
    /** Scheme (optional), then an authority holding '@' before the first '/', '?' or '#'. */
    private static final Pattern USER_INFO = Pattern.compile("^\\s*(?:[A-Za-z][A-Za-z0-9+.-]*://)?[^/?#\\s]*@");

    private UrlCredentials() {
    }

    public static boolean hasUserInfo(String url) {
        return url != null && USER_INFO.matcher(url).find();
    }

    /** Throws a {@link ConfigException} at {@code path} when {@code url} has a user name or password in it. */
    public static void refuse(String path, String url) {
        if (hasUserInfo(url)) {
            throw new ConfigException(path, "the URL holds a user name or password before '@' (not shown here);"
                    + " remove it and put the API key in the environment (OPENAI_API_KEY, ANTHROPIC_API_KEY) or in"
                    + " the config file's providers.NAME.api_key, which are never stored with a study");
        }
    }
}
