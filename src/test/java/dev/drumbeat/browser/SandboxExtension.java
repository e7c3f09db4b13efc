package dev.drumbeat.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives a test class one {@link SandboxBrowser} (as a parameter of its tests), closes it after the class, and
 * saves a screenshot of any failing test as {@code <Class>-<method>-failed.png}, so a CI failure can be seen.
 */
final class SandboxExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {
    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(SandboxExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(HERE).put(SandboxBrowser.class, SandboxBrowser.start());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SandboxBrowser browser = context.getStore(HERE).remove(SandboxBrowser.class, SandboxBrowser.class);
        if (browser != null) {
            browser.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().equals(SandboxBrowser.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        SandboxBrowser browser = browser(context);
        if (browser != null) {
            browser.screenshot(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + "-failed");
        }
    }

    private static SandboxBrowser browser(ExtensionContext context) {
        return context.getStore(HERE).get(SandboxBrowser.class, SandboxBrowser.class);
    }
}
