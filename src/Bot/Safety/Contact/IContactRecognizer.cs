namespace Clinic.Bot.Safety.Contact;

/// <summary>Finds contact details in free text. Never throws on user input; returns <see cref="ContactDetails.None"/>.</summary>
public interface IContactRecognizer
{
    ContactDetails Recognize(string? text);
}
