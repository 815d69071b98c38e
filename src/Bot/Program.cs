using Clinic.Bot.Bot;
using Clinic.Bot.Cli;
using Clinic.Bot.DirectLine;
using Clinic.Bot.Escalation;
using Clinic.Bot.Knowledge;
using Clinic.Bot.Operations;
using Clinic.Bot.Protocol;
using Clinic.Bot.Safety;
using Clinic.Bot.Staff;
using Clinic.Bot.Storage;
using Clinic.Bot.Telemetry;
using Clinic.Bot.Turns;
using Clinic.Bot.Web;

if (CommandLine.IsCommand(args))
    return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);

// Run from the repository root (dotnet run) or anywhere else, the pages are the ones built next to the binary.
var webRoot = Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot")) ? null : Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = webRoot });
builder.AddAppSettingsBesideBinary();
builder.AddKnowledge();
builder.AddSafety();
builder.AddStorage();
builder.AddTurns();
builder.AddBot();
builder.AddDirectLine();
builder.AddWebChat();
builder.AddEscalation();
builder.AddOperations();
builder.AddTelemetry();
builder.AddRateLimits();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseRateLimiter();
app.MapBotEndpoints();
var directLine = app.MapDirectLine();
directLine.PostActivity.RequireRateLimiting(RateLimiting.PerConversation);
directLine.WebsiteToken.RequireRateLimiting(RateLimiting.PerClient);
app.MapWebChat();
app.MapStaff();
app.MapHealth();
await app.RunAsync();
return 0;

public partial class Program;
