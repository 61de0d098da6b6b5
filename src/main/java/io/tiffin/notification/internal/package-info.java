/** Customer updates, the board event log and fan-out, and the Server-Sent Events endpoint. */
package io.tiffin.notification.internal;
