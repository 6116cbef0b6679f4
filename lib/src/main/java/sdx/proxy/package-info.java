/**
 * Notebook 09, proxies and load balancing. Real parts on 127.0.0.1: {@link sdx.proxy.Backends} (HTTP
 * servers of unequal speed), an {@link sdx.proxy.L4Proxy} (relays TCP bytes, balances connections) and an
 * {@link sdx.proxy.L7Proxy} (reads each request, routes by path or by a {@link sdx.proxy.Policy});
 * {@link sdx.proxy.Proxies} runs the experiments. Simulated on {@link sdx.sim.Simulation}:
 * {@link sdx.proxy.LoadBalancerModel} (policies at a chosen load, a backend that dies, passive and active
 * health checks, retries, outlier ejection). Theory: {@link sdx.proxy.Theory} and
 * {@link sdx.proxy.BallsIntoBins}.
 */
package sdx.proxy;
