# Build the WAR, then run it on the official Open Liberty image with only the features server.xml lists.
#   docker build -t fleet-dashboard .
#   docker run -p 9080:9080 -v fleet-data:/data --env-file .env fleet-dashboard
# Several instances (shared PostgreSQL, sessions on Hazelcast): docker-compose.yml, deploy/k8s/ and README
# "Running several instances"; the server-config/ fragments they use go into /config/configDropins/overrides/.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml mvnw ./
COPY .mvn .mvn
COPY src src
COPY liberty liberty
RUN mvn -B -ntp package -DskipTests \
 && mvn -B -ntp dependency:copy -Dartifact=org.xerial:sqlite-jdbc:3.54.1.0 -DoutputDirectory=/src/target/lib \
 && mvn -B -ntp dependency:copy -Dartifact=org.postgresql:postgresql:42.7.14 -DoutputDirectory=/src/target/lib \
 && mvn -B -ntp dependency:copy -Dartifact=com.hazelcast:hazelcast:5.7.0 -DoutputDirectory=/src/target/lib

FROM icr.io/appcafe/open-liberty:26.0.0.5-kernel-slim-java17-openj9-ubi-minimal
# Features first: this layer only changes when server.xml does.
COPY --chown=1001:0 liberty/server.xml liberty/jvm.options /config/
RUN features.sh
# Not enabled by server.xml: the feature of server-config/session-cache.xml (several instances), so that mounting
# that fragment needs no other image.
RUN featureUtility installFeature sessionCache-1.0 --acceptLicense
COPY --chown=1001:0 --from=build /src/target/lib/sqlite-jdbc-3.54.1.0.jar /src/target/lib/postgresql-42.7.14.jar \
     /src/target/lib/hazelcast-5.7.0.jar /opt/ol/wlp/usr/shared/resources/lib/
COPY --chown=1001:0 --from=build /src/target/fleet-dashboard.war /config/apps/

# The database, the snapshot cache's disk tier and the secret key file live in one volume.
USER root
RUN mkdir -p /data && chown 1001:0 /data && chmod 0770 /data
USER 1001
ENV DASHBOARD_DATA_DIR=/data
VOLUME /data
EXPOSE 9080
# Ready = the application answers and its database does (MicroProfile Health); curl is in the UBI image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fs http://localhost:9080/health/ready || exit 1
RUN configure.sh
