using Clinic.Bot.Cli;
using Clinic.Bot.Knowledge;
using Clinic.Bot.Turns;

if (CommandLine.IsCommand(args))
    return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledge();
builder.AddTurns();

var app = builder.Build();
await app.RunAsync();
return 0;

public partial class Program;
