package io.fleetdashboard.logsearch.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Elasticsearch's {@code _search}, as a MicroProfile REST Client: the base URI is the whole search URL
 * (KIBANA_LOGS_ENDPOINT), so the one method posts to it. Built by {@link ElasticsearchGateway}, one per connection.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ElasticsearchApi extends AutoCloseable {

    /** {@code kbn-xsrf} is what Kibana's proxy requires on every state-changing verb, POST included. */
    @POST
    Response search(@HeaderParam("Authorization") String authorization, @HeaderParam("kbn-xsrf") String xsrf,
                    String body);
}
