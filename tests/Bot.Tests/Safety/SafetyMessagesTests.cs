using Clinic.Bot.Safety;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Safety;

public sealed class SafetyMessagesTests
{
    [Fact]
    public void CrisisReplyAcknowledgesGivesResourcesAndStaysAvailable()
    {
        var messages = new SafetyMessages(Options.Create(new SafetyOptions()));
        var reply = messages.CrisisReply(SafetyFixture.Triage.Classify("I want to end my life, I have pills saved up"));
        Assert.Contains("sorry", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("988", reply);
        Assert.Contains("911", reply);
        Assert.Contains("A member of our staff has been alerted.", reply);
        Assert.EndsWith("I'm still here if you want to keep talking.", reply);
        Assert.DoesNotContain("pills", reply, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("after-hours", reply);
    }

    [Fact]
    public void AddsTheAfterHoursLineWhenConfigured()
    {
        var messages = new SafetyMessages(Options.Create(new SafetyOptions { ClinicAfterHoursLine = "(650) 253-0000" }));
        Assert.Contains("after-hours line: (650) 253-0000", messages.CrisisReply(SafetyFixture.Triage.Classify("kms")));
    }

    [Fact]
    public void MedicalEmergencyLeadsWithTheEmergencyMessage()
    {
        var options = new SafetyOptions();
        var reply = new SafetyMessages(Options.Create(options)).CrisisReply(SafetyFixture.Triage.Classify("my husband won't wake up after his infusion"));
        Assert.StartsWith(options.EmergencyMessage, reply);
    }

    [Fact]
    public void UsesTheResourcesOfTheVisitorsRegion()
    {
        var options = new SafetyOptions();
        options.CrisisResources["GB"] = ["Call 116 123 (Samaritans)"];
        var reply = new SafetyMessages(Options.Create(options)).CrisisReply(SafetyFixture.Triage.Classify("i want to die"), "GB");
        Assert.Contains("116 123", reply);
        Assert.DoesNotContain("988", reply);
    }

    [Fact]
    public void NoticeAndFooterComeFromOptions()
    {
        var messages = new SafetyMessages(Options.Create(new SafetyOptions { ContraindicationNotice = "N", InformationalFooter = "F" }));
        Assert.Equal("N", messages.ContraindicationNotice());
        Assert.Equal("F", messages.InformationalFooter());
    }
}
