/** Customer-facing text: the Mustache templates of {@code flows/templates}, per language. */
package io.tiffin.platform.text;
