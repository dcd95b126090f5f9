/**
 * The {@code winlog} command line ({@code java -jar examples/target/winlog.jar}): {@code demo},
 * {@code dump}, {@code info}, {@code convert} and {@code source}, one picocli class per command.
 */
package io.winlog.cli;
