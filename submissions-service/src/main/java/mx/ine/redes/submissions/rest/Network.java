package mx.ine.redes.submissions.rest;

/** The networks of the registry (domain.md §2); each has a form. */
public enum Network { X, FACEBOOK, INSTAGRAM, YOUTUBE, TIKTOK, THREADS, LINKEDIN, PINTEREST, WHATSAPP_CHANNEL, OTHER }
