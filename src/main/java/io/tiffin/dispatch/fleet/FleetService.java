package io.tiffin.dispatch.fleet;

import io.tiffin.dispatch.Fleet;
import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.planning.DriverSnapshot;
import io.tiffin.dispatch.planning.Redispatch;
import io.tiffin.identity.CurrentUser;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.identity.UserAccounts;
import io.tiffin.identity.UserView;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Shifts, location pings and the fleet list. */
@Service
public class FleetService implements Fleet {

    private static final Logger log = LoggerFactory.getLogger(FleetService.class);
    // a position a few seconds ahead is a phone clock running fast; a minute ahead is not a position
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final Duration PERSIST_EVERY = Duration.ofSeconds(30);

    private final Drivers drivers;
    private final DriverLocations locations;
    private final UserAccounts users;
    private final TenantAccess access;
    private final Redispatch redispatch;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Instant> persistedAt = new ConcurrentHashMap<>();

    public FleetService(
            Drivers drivers,
            DriverLocations locations,
            UserAccounts users,
            TenantAccess access,
            Redispatch redispatch,
            MongoTemplate mongo,
            Clock clock) {
        this.drivers = drivers;
        this.locations = locations;
        this.users = users;
        this.access = access;
        this.redispatch = redispatch;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The signed-in user, who must be a driver of a merchant. */
    public CurrentUser requireDriver() {
        CurrentUser user = access.current();
        if (user.role() != Role.DRIVER || user.merchantId() == null) {
            throw new AccessDeniedException("drivers only");
        }
        return user;
    }

    public Driver profile(CurrentUser driver) {
        return drivers.findById(driver.userId())
                .orElseGet(
                        () -> create(driver.userId(), driver.merchantId(), Driver.nameFromEmail(driver.email()), null));
    }

    public Driver shift(boolean online) {
        CurrentUser user = requireDriver();
        Driver driver = profile(user);
        Instant now = clock.instant();
        if (!driver.shift(online, now)) {
            return driver;
        }
        DriverLocations.Position live = locations.of(List.of(driver.id())).get(driver.id());
        if (live != null) {
            driver.locatedAt(
                    new Driver.Location(live.point().lat(), live.point().lng(), live.accuracy(), live.at()));
        }
        driver = drivers.save(driver);
        if (!online) {
            locations.forget(driver.merchantId(), driver.id());
        }
        redispatch.request(driver.merchantId(), online ? "driver on shift" : "driver off shift");
        return driver;
    }

    /**
     * One location ping. Lean on purpose (a fleet sends one every 10–15 s per driver): the token
     * names the driver and merchant, Redis takes the position in one round trip, and MongoDB sees it
     * at most every {@link #PERSIST_EVERY}, off the request thread.
     */
    public void ping(double lat, double lng, Double accuracy, Instant at) {
        CurrentUser user = requireDriver();
        Instant now = clock.instant();
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (!(lat >= -90 && lat <= 90)) {
            problems.add(new InvalidInputException.Problem("lat", "must be between -90 and 90"));
        }
        if (!(lng >= -180 && lng <= 180)) {
            problems.add(new InvalidInputException.Problem("lng", "must be between -180 and 180"));
        }
        if (accuracy != null && !(accuracy >= 0 && accuracy <= 100_000)) {
            problems.add(new InvalidInputException.Problem("accuracy", "must be between 0 and 100000 metres"));
        }
        if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new InvalidInputException.Problem("at", "must not be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid location", problems);
        }
        Instant when = at == null ? now : at;
        DriverLocations.Position position = new DriverLocations.Position(new GeoPoint(lat, lng), accuracy, when);
        if (!locations.record(user.merchantId(), user.userId(), position)) {
            throw new TooManyRequestsException("at most one location per second", Duration.ofSeconds(1));
        }
        Instant last = persistedAt.get(user.userId());
        if (last == null || Duration.between(last, now).compareTo(PERSIST_EVERY) >= 0) {
            persistedAt.put(user.userId(), now);
            Thread.ofVirtual().start(() -> persist(user.userId(), position));
        }
    }

    private void persist(String driverId, DriverLocations.Position position) {
        try {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(driverId)),
                    Update.update(
                            "lastLocation",
                            new Driver.Location(
                                    position.point().lat(),
                                    position.point().lng(),
                                    position.accuracy(),
                                    position.at())),
                    Driver.class);
        } catch (RuntimeException e) {
            log.debug("could not keep the last location of driver {}: {}", driverId, e.toString());
        }
    }

    /** Every DRIVER user of the merchant with a profile (made on first sight), in email order. */
    public List<Driver> fleetOf(String merchantId) {
        Map<String, Driver> profiles = drivers.findByMerchantId(merchantId).stream()
                .collect(Collectors.toMap(Driver::id, Function.identity()));
        List<Driver> fleet = new ArrayList<>();
        for (UserView user : users.ofMerchant(merchantId)) {
            if (user.role() == Role.DRIVER) {
                Driver driver = profiles.get(user.id());
                fleet.add(
                        driver != null
                                ? driver
                                : create(user.id(), merchantId, Driver.nameFromEmail(user.email()), null));
            }
        }
        return fleet;
    }

    public Map<String, DriverLocations.Position> positions(List<Driver> fleet) {
        return locations.of(fleet.stream().map(Driver::id).toList());
    }

    public DriverLocations.Position positionOf(String driverId) {
        return locations.of(List.of(driverId)).get(driverId);
    }

    /** Drivers on shift whose live position is fresh: the planner's vehicles. */
    public List<DriverSnapshot> available(String merchantId) {
        List<Driver> onShift = drivers.findByMerchantId(merchantId).stream()
                .filter(Driver::onShift)
                .toList();
        Map<String, DriverLocations.Position> live = positions(onShift);
        Instant freshSince = clock.instant().minus(DriverLocations.FRESH);
        List<DriverSnapshot> available = new ArrayList<>();
        for (Driver driver : onShift) {
            DriverLocations.Position position = live.get(driver.id());
            if (position != null && position.at().isAfter(freshSince)) {
                available.add(new DriverSnapshot(
                        driver.id(),
                        merchantId,
                        driver.firstName(),
                        position.point(),
                        position.at(),
                        driver.capacity()));
            }
        }
        return available;
    }

    @Override
    public void enrol(String userId, String merchantId, String firstName, GeoPoint lastKnown) {
        if (!drivers.existsById(userId)) {
            create(
                    userId,
                    merchantId,
                    firstName,
                    lastKnown == null
                            ? null
                            : new Driver.Location(lastKnown.lat(), lastKnown.lng(), null, clock.instant()));
        }
    }

    private Driver create(String userId, String merchantId, String firstName, Driver.Location location) {
        Driver driver = new Driver(userId, merchantId, firstName);
        driver.locatedAt(location);
        try {
            return drivers.insert(driver);
        } catch (DuplicateKeyException raced) {
            return drivers.findById(userId).orElseThrow(() -> raced);
        }
    }
}
