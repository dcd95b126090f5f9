package io.winlog.examples.demo;

import java.time.Instant;

/**
 * What a demo rule raised.
 *
 * @param rule    the rule's name
 * @param subject what it is about (an account, a product)
 * @param time    the time of the event that triggered it
 * @param message one human sentence
 */
public record Alert(String rule, String subject, Instant time, String message) {
}
