/**
 * Backups of the embedded data directory: a consistent copy taken while the app runs
 * ({@code java -jar tiffin.jar backup}), and a restore into a stopped app's data directory
 * ({@code restore}). Each store that writes while running copies itself through a
 * {@link io.tiffin.platform.backup.BackupPart}; every other file of the directory is copied as it is.
 */
package io.tiffin.platform.backup;
