/**
 * Demo data for first use: a merchant with a realistic menu, its owner and a driver, seeded once
 * when {@code TIFFIN_DEMO} is true (the default on embedded stores), credentials printed once.
 */
package io.tiffin.demo;
