package io.tiffin.notification.mail;

import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Personalization;
import java.net.URI;

/**
 * Sends through SendGrid's v3 mail send with sendgrid-java. A stand-in URL with plain HTTP works too
 * ({@code new SendGrid(key, true)} speaks HTTP, {@code setHost} takes host:port). SendGrid answers 202
 * with no body; anything else is a failure the relay retries.
 */
class SendGridMailer implements Mailer {

    private final SendGrid client;
    private final String from;

    SendGridMailer(MailProperties properties) {
        URI url = URI.create(properties.sendgridUrl());
        boolean plainHttp = "http".equalsIgnoreCase(url.getScheme());
        this.client = new SendGrid(properties.sendgridApiKey(), plainHttp);
        this.client.setHost(url.getPort() > 0 ? url.getHost() + ":" + url.getPort() : url.getHost());
        this.from = properties.from();
    }

    @Override
    public String send(Email email) throws Exception {
        Mail mail = new Mail();
        mail.setFrom(new com.sendgrid.helpers.mail.objects.Email(from));
        mail.setSubject(email.subject());
        Personalization to = new Personalization();
        to.addTo(new com.sendgrid.helpers.mail.objects.Email(email.to()));
        mail.addPersonalization(to);
        // text/plain must come before text/html
        mail.addContent(new Content("text/plain", email.text()));
        mail.addContent(new Content("text/html", email.html()));
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        request.setBody(mail.build());
        Response response = client.api(request);
        if (response.getStatusCode() / 100 != 2) {
            throw new IllegalStateException("SendGrid answered " + response.getStatusCode() + ": "
                    + (response.getBody() == null
                            ? ""
                            : response.getBody()
                                    .substring(
                                            0, Math.min(300, response.getBody().length()))));
        }
        return response.getHeaders() == null ? null : response.getHeaders().get("X-Message-Id");
    }
}
