using System.Net.Sockets;
using Clinic.Bot.Storage;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Escalation.Email;

/// <summary>
/// Sends each alert to the on-call mailbox over SMTP (MailKit). The Message-Id comes from the escalation id, so a
/// copy sent again after an unclear failure (connection lost after the data was sent) is the same message to the
/// receiving mail system. SMTP 4xx and connection failures are retried; 5xx and refused logins are given up.
/// </summary>
internal sealed class EmailSink(IOptions<EscalationOptions> options) : IEscalationSink
{
    public const string SinkName = "email";

    public string Name => SinkName;

    public async Task<string?> DeliverAsync(EscalationRecord escalation, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var settings = o.Email;
        var reminderKey = EscalationContent.ReminderKey(escalation, Name);
        var message = EscalationEmail.Build(EscalationContent.From(escalation, Name), reminderKey, settings, o.StaffPageUrl);

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            var security = settings.Security switch
            {
                SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
                await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, CancellationToken.None);
            return message.MessageId;
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            throw new SinkRejectedException($"SMTP server refused the alert ({(int)e.StatusCode} {e.ErrorCode}); check Escalation:Email:From and Escalation:Email:To", e);
        }
        catch (SmtpCommandException e)
        {
            throw new SinkTransientException($"SMTP server deferred the alert ({(int)e.StatusCode} {e.ErrorCode})", e);
        }
        catch (AuthenticationException e)
        {
            throw new SinkRejectedException("SMTP login refused; check Escalation:Email:Username and Escalation:Email:Password", e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException)
        {
            throw new SinkTransientException($"SMTP server unreachable or connection lost ({e.GetType().Name})", e);
        }
        catch (NotSupportedException e)
        {
            throw new SinkRejectedException("SMTP server does not offer what Escalation:Email:Security asks for (STARTTLS or login)", e);
        }
    }
}
