package io.tiffin.dispatch.fleet;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A DRIVER user's profile in the fleet: whether they are on shift, how many orders they carry at
 * once, and the last position stored here (the live one is in Redis; this copy is refreshed at most
 * every 30 seconds and at every shift change). The id is the user's id.
 */
@Document("drivers")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Driver {

    public static final int DEFAULT_CAPACITY = 4;

    public record Location(double lat, double lng, Double accuracy, Instant at) {}

    @Id
    private String id;

    @Indexed
    private String merchantId;

    private String firstName;
    private boolean onShift;
    private int capacity = DEFAULT_CAPACITY;
    private Location lastLocation;
    private Instant shiftChangedAt;

    @Version
    private Long version;

    protected Driver() {}

    public Driver(String userId, String merchantId, String firstName) {
        this.id = userId;
        this.merchantId = merchantId;
        this.firstName = firstName;
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public String firstName() {
        return firstName;
    }

    public boolean onShift() {
        return onShift;
    }

    public int capacity() {
        return capacity <= 0 ? DEFAULT_CAPACITY : capacity;
    }

    public Location lastLocation() {
        return lastLocation;
    }

    public Instant shiftChangedAt() {
        return shiftChangedAt;
    }

    /** True when this call changed the shift. */
    public boolean shift(boolean online, Instant now) {
        if (onShift == online) {
            return false;
        }
        onShift = online;
        shiftChangedAt = now;
        return true;
    }

    public void locatedAt(Location location) {
        if (location != null && (lastLocation == null || !location.at().isBefore(lastLocation.at()))) {
            lastLocation = location;
        }
    }

    /**
     * A first name from an email when the user has no name of their own: "ravi.k@…" is "Ravi", so the
     * customer hears a name rather than an address.
     */
    public static String nameFromEmail(String email) {
        String local = email == null ? "" : email.split("@", 2)[0];
        String first = local.split("[._+\\-0-9]", 2)[0];
        if (first.isBlank()) {
            return "Your driver";
        }
        return Character.toUpperCase(first.charAt(0)) + first.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
