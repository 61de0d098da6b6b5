/**
 * Order understanding: the menu-grounded deterministic parser behind {@link io.tiffin.nlu.OrderParser}
 * (and, later, the local LLM parser and the evaluation harness).
 */
package io.tiffin.nlu;
