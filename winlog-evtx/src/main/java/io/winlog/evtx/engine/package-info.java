/**
 * Decoding engine: chunk sources (a file channel or bytes in memory) and chunk decoding on one
 * thread or several, handing chunks back in file order.
 */
package io.winlog.evtx.engine;
