package mx.ine.redes.accounts;

/** The networks the Institute has accounts on. */
public enum Network {
    X("https://x.com/"),
    FACEBOOK("https://www.facebook.com/"),
    INSTAGRAM("https://www.instagram.com/"),
    YOUTUBE("https://www.youtube.com/@"),
    TIKTOK("https://www.tiktok.com/@"),
    THREADS("https://www.threads.net/@"),
    LINKEDIN("https://www.linkedin.com/company/"),
    PINTEREST("https://www.pinterest.com/"),
    WHATSAPP_CHANNEL("https://www.whatsapp.com/channel/"),
    OTHER("");

    private final String profileUrlPrefix;

    Network(String profileUrlPrefix) {
        this.profileUrlPrefix = profileUrlPrefix;
    }

    /** The canonical address of a handle on this network ({@code OTHER} keeps the given URL). */
    public String canonicalUrl(String handle) {
        return profileUrlPrefix + handle;
    }
}
