using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Clinic.Bot.Tests.App;

public sealed class HealthTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ReportsLiveWithTheWorkingSetAndGcHeap()
    {
        var body = await app.Http.GetFromJsonAsync<JsonObject>("/healthz");
        Assert.Equal("live", body!["status"]!.GetValue<string>());
        Assert.True(body["workingSetBytes"]!.GetValue<long>() > 0);
        Assert.True(body["gcHeapBytes"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task IsReadyOnceTheIndexIsLoadedAndTheStoreAnswers()
    {
        // The index warms up while the host starts, so by now it is loaded.
        var response = await app.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
