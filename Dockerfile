# The app with local speech recognition: Debian's pocketsphinx (the 0.8/5prealpha command line the
# speech module drives, as in Debian 12) beside a Temurin 21 JRE, and ffmpeg for the audio Java does
# not decode (Instagram's MP4/AAC). Build the jar first:
#   ./mvnw -DskipTests package && docker build -t tiffin .
# No AOT cache here (README, Operations, "Warm-up"): it needs Java 25 and a training run on the image's
# own JDK and paths, which a build step would have to start the app and drive it with webhooks for.
FROM eclipse-temurin:21-jre AS jre

FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       pocketsphinx pocketsphinx-en-us ffmpeg curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:$PATH
COPY target/tiffin.jar /app/tiffin.jar
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tiffin.jar"]
