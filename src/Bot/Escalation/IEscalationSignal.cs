namespace Clinic.Bot.Escalation;

/// <summary>Wakes this instance's dispatcher at once, e.g. after a turn stored an escalation.</summary>
public interface IEscalationSignal
{
    void Notify();
}
