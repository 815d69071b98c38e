namespace Clinic.Bot.Safety.Contact;

/// <summary>Phone and email together: the first of each found in the text.</summary>
public sealed class ContactRecognizer(PhoneContactRecognizer phone, EmailContactRecognizer email) : IContactRecognizer
{
    public ContactDetails Recognize(string? text) =>
        new(phone.Recognize(text).Phone, email.Recognize(text).Email);
}
