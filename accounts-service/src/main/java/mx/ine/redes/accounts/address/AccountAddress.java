package mx.ine.redes.accounts.address;

import mx.ine.redes.accounts.Network;

/** Where an account lives: its network, its normalised handle and its canonical URL. */
public record AccountAddress(Network network, String handle, String canonicalUrl) {
}
