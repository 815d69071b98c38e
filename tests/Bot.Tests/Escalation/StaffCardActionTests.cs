using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.Bot.Escalation.Teams;
using Clinic.Bot.Storage;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>Staff pressing the card's buttons in Teams: invokes and the Action.Submit fallback over the real /api/messages endpoint.</summary>
public sealed class StaffCardActionTests : EscalationTestBase
{
    private FakeTeams _teams = null!;
    private EscalationHost _host = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _teams = Own(await FakeTeams.StartAsync());
        _host = await StartHostAsync(EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), _teams, null, null));
    }

    [Fact]
    public async Task AcknowledgeInvokeRecordsTheTeamsUserAndAnswersWithTheUpdatedCardForEveryone()
    {
        var (id, thread, cardId) = await RaiseAndDeliverAsync();

        var response = await PostAsync(Invoke(id, "acknowledge", thread));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        var card = body.RootElement.GetProperty("value").GetRawText();
        Assert.Contains("Acknowledged by Nurse Kim (teams:00000000-0000-0000-0000-0000000000aa)", card);
        Assert.DoesNotContain("\"verb\":\"acknowledge\"", card);
        Assert.Contains("\"verb\":\"resolve\"", card);

        var record = await _host.EscalationAsync(id);
        Assert.Equal((EscalationStatus.Acknowledged, "Nurse Kim (teams:00000000-0000-0000-0000-0000000000aa)"), (record.Status, record.AcknowledgedBy));
        var audit = await _host.Escalations.GetAuditAsync(id);
        Assert.Equal(["created", "acknowledged"], audit.Select(a => a.Action));

        // The card in the channel itself was replaced, so everyone sees who has it.
        var put = Assert.Single(_teams.Requests, r => r.Method == "PUT");
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(thread)}/activities/{cardId}", put.RawTarget);
        Assert.Contains("Acknowledged by Nurse Kim", _teams.Updated[cardId]);
    }

    [Fact]
    public async Task ResolveAfterAcknowledgeShowsBothAndRemovesTheButtons()
    {
        var (id, thread, cardId) = await RaiseAndDeliverAsync();
        await PostAsync(Invoke(id, "acknowledge", thread));

        var response = await PostAsync(Invoke(id, "resolve", thread, name: "Dr Patel", oid: "00000000-0000-0000-0000-0000000000bb"));

        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
        Assert.DoesNotContain(card["actions"]!.AsArray(), a => a!["type"]!.GetValue<string>() == "Action.Execute");
        Assert.Contains("Resolved by Dr Patel (teams:00000000-0000-0000-0000-0000000000bb)", card.ToJsonString());
        Assert.Contains("acknowledged by Nurse Kim", card.ToJsonString());
        Assert.Equal(["created", "acknowledged", "resolved"], (await _host.Escalations.GetAuditAsync(id)).Select(a => a.Action));
        Assert.Contains("Resolved by Dr Patel", _teams.Updated[cardId]);
    }

    [Fact]
    public async Task StaleAcknowledgeButtonDoesNotReopenAResolvedEscalation()
    {
        var (id, thread, _) = await RaiseAndDeliverAsync();
        await PostAsync(Invoke(id, "resolve", thread));

        var response = await PostAsync(Invoke(id, "acknowledge", thread, name: "Late Larry"));

        Assert.Contains("Resolved by Nurse Kim", await response.Content.ReadAsStringAsync());
        Assert.Equal(EscalationStatus.Resolved, (await _host.EscalationAsync(id)).Status);
        Assert.Equal(["created", "resolved"], (await _host.Escalations.GetAuditAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task CardActionsFromOutsideTheStaffChannelAreRefused()
    {
        var (id, _, _) = await RaiseAndDeliverAsync();

        var otherChannel = await PostAsync(Invoke(id, "resolve", "19:patients@thread.tacv2;messageid=1"));
        var otherTenant = await PostAsync(Invoke(id, "resolve", EscalationHost.StaffChannel, tenant: "11111111-2222-3333-4444-555555555555"));
        var webChat = await PostAsync(Activity("message", id, "resolve", "visitor-conversation", channelId: "webchat", invoke: false));

        foreach (var response in new[] { otherChannel, otherTenant })
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(403, body.RootElement.GetProperty("statusCode").GetInt32());
            Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, webChat.StatusCode);
        Assert.Equal(EscalationStatus.Open, (await _host.EscalationAsync(id)).Status);
        Assert.Equal(["created"], (await _host.Escalations.GetAuditAsync(id)).Select(a => a.Action));
        Assert.Contains("only be changed from the staff channel", Assert.Single(_teams.Requests, r => r.RawTarget.Contains("visitor-conversation", StringComparison.Ordinal)).Body);
    }

    [Fact]
    public async Task SubmitFallbackAcknowledgesRepliesInTheThreadAndUpdatesTheCard()
    {
        var (id, thread, cardId) = await RaiseAndDeliverAsync();

        var response = await PostAsync(Activity("message", id, "acknowledge", thread, invoke: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EscalationStatus.Acknowledged, (await _host.EscalationAsync(id)).Status);
        Assert.Contains("Acknowledged by Nurse Kim", _teams.Updated[cardId]);
        var reply = Assert.Single(_teams.Requests, r => r.Method == "POST" && r.Body.Contains("Acknowledged by Nurse Kim", StringComparison.Ordinal));
        Assert.StartsWith($"/amer/v3/conversations/{Uri.EscapeDataString(thread)}/activities", reply.RawTarget);
    }

    [Fact]
    public async Task CardThatCannotBeUpdatedStillRecordsTheActionAndAnswersWithTheNewCard()
    {
        var (id, thread, _) = await RaiseAndDeliverAsync();
        for (var i = 0; i < 4; i++)
            _teams.Script.Enqueue(Protocol.FakeConnector.Status(503));

        var response = await PostAsync(Invoke(id, "acknowledge", thread));

        Assert.Contains("Acknowledged by Nurse Kim", await response.Content.ReadAsStringAsync());
        Assert.Equal(EscalationStatus.Acknowledged, (await _host.EscalationAsync(id)).Status);
        Assert.Empty(_teams.Updated);
        Assert.Contains($"Could not update the Teams card of escalation {id}", _host.Logs.All);
    }

    [Fact]
    public async Task UnknownEscalationAndMalformedActionsGetErrorBodies()
    {
        var missing = await PostAsync(Invoke("esc_does_not_exist", "acknowledge", EscalationHost.StaffChannel + ";messageid=1"));
        var badVerb = await PostAsync(Invoke("esc_x", "delete", EscalationHost.StaffChannel + ";messageid=1"));

        Assert.Equal(404, JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["statusCode"]!.GetValue<int>());
        Assert.Equal(400, JsonNode.Parse(await badVerb.Content.ReadAsStringAsync())!["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public void CardHasTheAlertFactsAndExecuteButtonsWithSubmitFallbacks()
    {
        var record = new EscalationRecord("esc_1", "conv-1", "crisis", 3, """["self-harm.intent","plan"]""", "**bold** [link](https://evil.example) <script>x</script>",
            "User: hi", ContactJson, EscalationStatus.Open, new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero), null, null, null, null, []);

        var card = EscalationCardBuilder.Build(record, "https://bot.clinic.example/staff");

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var text = card.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("CRISIS escalation (priority 3)", text);
        Assert.Contains("self-harm.intent, plan", text);
        Assert.Contains("2025-05-01 10:00 UTC", text);
        Assert.Contains(VisitorPhone, text);
        Assert.Contains(VisitorEmail, text);

        // Visitor text only ever sits in a TextRun, which renders no markdown.
        var run = card["body"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "RichTextBlock" && b.ToJsonString().Contains("evil", StringComparison.Ordinal))!;
        Assert.Equal("TextRun", run["inlines"]![0]!["type"]!.GetValue<string>());
        Assert.DoesNotContain(card["body"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "TextBlock" && b.ToJsonString().Contains("evil", StringComparison.Ordinal));

        var actions = card["actions"]!.AsArray();
        Assert.Equal(["Acknowledge", "Resolve", "Open staff page"], actions.Select(a => a!["title"]!.GetValue<string>()));
        foreach (var execute in actions.Take(2))
        {
            Assert.Equal("Action.Execute", execute!["type"]!.GetValue<string>());
            Assert.Equal(execute["verb"]!.GetValue<string>(), execute["data"]!["verb"]!.GetValue<string>());
            Assert.Equal("esc_1", execute["data"]!["escalationId"]!.GetValue<string>());
            Assert.Equal("Action.Submit", execute["fallback"]!["type"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(execute["data"], execute["fallback"]!["data"]));
        }
    }

    private async Task<(string Id, string Thread, string CardId)> RaiseAndDeliverAsync()
    {
        var id = await _host.RaiseAsync(text: VisitorText, contactJson: ContactJson);
        await _host.AllDeliveredAsync(id);
        using var reference = JsonDocument.Parse((await _host.EscalationAsync(id)).Deliveries[0].ExternalId!);
        return (id, reference.RootElement.GetProperty("c").GetString()!, reference.RootElement.GetProperty("a").GetString()!);
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _host.Client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

    private string Invoke(string id, string verb, string conversation, string name = "Nurse Kim", string oid = "00000000-0000-0000-0000-0000000000aa", string tenant = EscalationHost.TenantId) =>
        Activity("invoke", id, verb, conversation, name: name, oid: oid, tenant: tenant);

    private string Activity(string type, string id, string verb, string conversation, string name = "Nurse Kim", string oid = "00000000-0000-0000-0000-0000000000aa",
        string tenant = EscalationHost.TenantId, string channelId = "msteams", bool invoke = true)
    {
        var data = new JsonObject { ["verb"] = verb, ["escalationId"] = id };
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "act-" + Guid.NewGuid().ToString("N"),
            ["channelId"] = channelId,
            ["serviceUrl"] = _teams.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "29:nurse", ["name"] = name, ["aadObjectId"] = oid },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "Clinic bot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "channel", ["tenantId"] = tenant },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        };
        if (invoke)
        {
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        }
        else
        {
            activity["replyToId"] = "1712345678901";
            activity["value"] = data;
        }
        return activity.ToJsonString();
    }
}
