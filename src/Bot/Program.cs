using Clinic.Bot.Bot;
using Clinic.Bot.Cli;
using Clinic.Bot.Escalation;
using Clinic.Bot.Knowledge;
using Clinic.Bot.Protocol;
using Clinic.Bot.Safety;
using Clinic.Bot.Staff;
using Clinic.Bot.Storage;
using Clinic.Bot.Turns;

if (CommandLine.IsCommand(args))
    return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledge();
builder.AddSafety();
builder.AddStorage();
builder.AddTurns();
builder.AddBot();
builder.AddEscalation();

var app = builder.Build();
app.MapBotEndpoints();
app.MapStaff();
await app.RunAsync();
return 0;

public partial class Program;
