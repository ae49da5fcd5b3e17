#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace kai::http {

class HttpRequest;

// The one place that knows the HTTP/1.x wire parser (nodejs http-parser
// 2.9). Everything else sees this class only, so llhttp or Beast's parser can
// replace it by rewriting httpparser.cpp alone.
//
// It parses requests into an HttpRequest owned by the caller and reports
// progress to a Listener. After each complete message it stops, so the
// connection answers one request before the next pipelined one is parsed;
// resume() continues.
class HttpParser
{
public:
    class Listener
    {
    public:
        virtual ~Listener() = default;
        // A new request starts; the request object has been reset.
        virtual void onMessageBegin() = 0;
        // Method, target and headers are in the request. Return false to stop
        // parsing (the listener has decided on a response already).
        virtual bool onHeadersComplete() = 0;
        // A piece of the body (chunk framing removed). Return false to stop.
        virtual bool onBody(QByteArrayView data) = 0;
        // The whole request has arrived; the parser stops until resume().
        virtual void onMessageComplete() = 0;
    };

    enum class Outcome {
        NeedMore,          // all input consumed, the message is not complete
        MessageComplete,   // stopped after a message; `consumed` may be < input
        Stopped,           // a listener callback returned false
        HeaderTooLarge,    // request line + headers over the limit
        Error,             // malformed request
    };

    struct FeedResult
    {
        Outcome outcome;
        qsizetype consumed;
    };

    HttpParser(Listener &listener, HttpRequest &request, qint64 maxHeaderBytes);
    ~HttpParser();
    Q_DISABLE_COPY_MOVE(HttpParser)

    FeedResult feed(const char *data, qsizetype size);
    // Continue after MessageComplete.
    void resume();
    // Start over for a new connection's state (after errors the parser is dead).
    void reset();

    // Valid from onHeadersComplete on.
    int httpMajor() const;
    int httpMinor() const;
    bool keepAlive() const;
    // True between the first byte of a request and its completion.
    bool inMessage() const { return m_inMessage; }
    QByteArray errorDescription() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    bool m_inMessage = false;
    friend struct Impl;
};

} // namespace kai::http
