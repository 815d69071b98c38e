namespace Clinic.Bot.Storage;

/// <summary>Known escalation kinds. Kind is stored as a string so new kinds need no schema change.</summary>
public static class EscalationKinds
{
    public const string Crisis = "crisis";
    public const string Contraindication = "contraindication";
    public const string StaffRequest = "staff-request";
}
