/**
 * Order understanding: the menu-grounded deterministic parser behind {@link io.tiffin.nlu.OrderParser}
 * (with the optional local LLM and the evaluation harness). Every reading of language lives here:
 * the {@link io.tiffin.nlu.ParseResult} says what a message orders, what it does to the cart (an
 * edit and the line it refers to, as said), what it asks about the menu, and the language it is in;
 * the conversation only decides what to do with that.
 */
package io.tiffin.nlu;
