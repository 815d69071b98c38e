using Clinic.Bot.Storage;

namespace Clinic.Bot.Escalation;

/// <summary>Told after staff changed an escalation's status (from Teams or the staff page), e.g. to update the Teams card.</summary>
public interface IEscalationStatusListener
{
    /// <summary>Must not throw for a receiver that is down; the status change has already been saved.</summary>
    Task OnStatusChangedAsync(EscalationRecord escalation, CancellationToken cancellationToken);
}
