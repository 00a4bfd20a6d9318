package app.kith.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsExceptionHandler;
import io.javalin.websocket.WsHandlerType;

import java.util.function.Consumer;

/**
 * The app's routes, each page also answering HEAD as it answers GET, without the body (Jetty sends none for HEAD):
 * the same status and headers, as HTTP asks. Left to itself, Javalin answers HEAD for any address a GET route takes,
 * 200 and empty, though the page would be a 404 (an unknown contact) or a redirect (signed out).
 */
final class PageRoutes implements JavalinDefaultRoutingApi {
    private final RoutesConfig routes;

    PageRoutes(RoutesConfig routes) {
        this.routes = routes;
    }

    @Override
    public PageRoutes addEndpoint(Endpoint endpoint) {
        // A page is shown by GET and changed by POST, which Security checks for its CSRF token: no other method is
        // routed, so that one (PUT, DELETE) is told it is not taken (405), whatever token it carries.
        if (endpoint.method != HandlerType.GET && endpoint.method != HandlerType.POST) {
            throw new IllegalArgumentException("a page takes GET or POST, not " + endpoint.method + " (" + endpoint.path + ")");
        }
        routes.addEndpoint(endpoint);
        if (endpoint.method == HandlerType.GET) {
            routes.addEndpoint(new Endpoint(HandlerType.HEAD, endpoint.path, endpoint.handler));
        }
        return this;
    }

    @Override
    public <E extends Exception> PageRoutes exception(Class<E> type, ExceptionHandler<? super E> handler) {
        routes.exception(type, handler);
        return this;
    }

    @Override
    public PageRoutes error(int status, String contentType, Handler handler) {
        routes.error(status, contentType, handler);
        return this;
    }

    @Override
    public <E extends Exception> PageRoutes wsException(Class<E> type, WsExceptionHandler<? super E> handler) {
        routes.wsException(type, handler);
        return this;
    }

    @Override
    public PageRoutes addWsHandler(WsHandlerType type, String path, Consumer<WsConfig> config, RouteRole... roles) {
        routes.addWsHandler(type, path, config, roles);
        return this;
    }
}
