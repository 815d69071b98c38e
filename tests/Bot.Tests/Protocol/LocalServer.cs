using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>A real Kestrel server on 127.0.0.1 and a random port, for fakes that speak a wire protocol.</summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Like http://127.0.0.1:12345, no trailing slash.</summary>
    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LocalServer> StartAsync(
        Action<WebApplication> map,
        Action<WebApplicationBuilder>? configure = null,
        X509Certificate2? httpsCertificate = null,
        int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            if (httpsCertificate is not null)
            {
                listen.UseHttps(httpsCertificate);
            }
        }));
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LocalServer(app, address.TrimEnd('/'));
    }

    /// <summary>A throwaway self-signed TLS certificate for 127.0.0.1, for fakes of services whose clients insist on https.</summary>
    public static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A handler that trusts <paramref name="certificate"/> and nothing else, for the client side of such a fake.</summary>
    public static HttpClientHandler Trusting(X509Certificate2 certificate)
    {
        var thumbprint = certificate.GetCertHashString();
        return new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == thumbprint };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
