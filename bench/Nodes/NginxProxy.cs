using System.Diagnostics;
using System.Globalization;

namespace Qadam.Bench.Nodes;

/// <summary>
/// nginx (the Debian package) in front of the nodes, with its own configuration, pid and temp files in a scratch folder: it
/// balances requests round robin, keeps connections to the nodes alive, takes a node out for 5 s after a failed connection,
/// and passes the Host header on with its port, so every node derives the same token issuer. It does not retry a POST on
/// another node (nginx's default for non-idempotent requests): the client retries, with its Idempotency-Key.
/// </summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process process;

    private NginxProxy(Process process) => this.process = process;

    public static async Task<NginxProxy> StartAsync(string folder, int port, IEnumerable<int> nodePorts)
    {
        Directory.CreateDirectory(folder);
        // The workers run as nobody when nginx is started by root; they write their temp files here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }
        var servers = string.Join('\n', nodePorts.Select(p =>
            $"    server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)} max_fails=1 fail_timeout=5s;"));
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 2048; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              upstream qadam {
            {{servers}}
                keepalive 64;
              }
              server {
                listen 127.0.0.1:{{port}};
                # Prometheus scrapes each node directly; through the proxy every caller would look like the loopback.
                location /metrics { return 404; }
                location / {
                  proxy_pass http://qadam;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_next_upstream error timeout;
                }
              }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("nginx", ["-c", config, "-p", folder, "-g", "daemon off;"])
        {
            RedirectStandardError = true,
        })!;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("nginx stopped: " + await process.StandardError.ReadToEndAsync());
            }

            try
            {
                using var health = await client.GetAsync($"http://127.0.0.1:{port}/health");
                if (health.IsSuccessStatusCode)
                {
                    return new NginxProxy(process);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("nginx did not answer /health");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
