/**
 * Platform: the embedded MongoDB-wire and Redis defaults, JSON errors, clock and web configuration
 * that every other module stands on. Holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.tiffin.platform;
