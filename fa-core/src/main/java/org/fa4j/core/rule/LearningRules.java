package org.fa4j.core.rule;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;

/**
 * The one registry of learning rules: every {@link LearningRuleProvider} on the module path (found with
 * {@link ServiceLoader}; fa-core's own module declares the built-in rules the same way), plus those given to
 * {@link #register}. Model files name a rule by {@link LearningRule#name()} and are read back through here.
 *
 * <p>On the class path a module's {@code provides} clauses are not seen by {@code ServiceLoader}; the registry then
 * reads fa-core's own module descriptor to find the built-in providers, and user rules are found through
 * {@code META-INF/services}.
 */
public final class LearningRules {
    private static final Map<String, LearningRuleProvider> PROVIDERS = new TreeMap<>();
    private static boolean loaded;

    private LearningRules() {
    }

    /** The names of the rules that can be read, sorted. */
    public static synchronized Set<String> names() {
        return Set.copyOf(providers().keySet());
    }

    /** Adds a provider (for rules whose module does not declare one); a later provider of a name replaces the earlier. */
    public static synchronized void register(LearningRuleProvider provider) {
        providers().put(Objects.requireNonNull(provider.name(), "provider name"), provider);
    }

    /**
     * The rule that {@code description} names under {@code "type"}, read by its provider. An unknown name is an
     * {@link IllegalArgumentException} that names it and the known ones.
     */
    public static LearningRule read(Parameters description) {
        String type = description.text("type");
        LearningRuleProvider provider;
        synchronized (LearningRules.class) {
            provider = providers().get(type);
        }
        if (provider == null) {
            throw new IllegalArgumentException("unknown rule type '" + type + "': no LearningRuleProvider of that name is on the"
                    + " module path (known: " + String.join(", ", names()) + ")");
        }
        return provider.read(description);
    }

    /** {@code rule}'s name under {@code "type"}, followed by its {@link LearningRule#parameters()}. */
    public static Parameters describe(LearningRule rule) {
        return Parameters.builder().put("type", rule.name()).putAll(rule.parameters()).build();
    }

    private static Map<String, LearningRuleProvider> providers() {
        if (!loaded) {
            loaded = true;
            if (!LearningRules.class.getModule().isNamed()) {
                builtInsFromDescriptor().forEach(PROVIDERS::putIfAbsent);
            }
            try {
                for (LearningRuleProvider p : ServiceLoader.load(LearningRuleProvider.class)) {
                    PROVIDERS.putIfAbsent(p.name(), p);
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("a LearningRuleProvider could not be loaded: " + e.getMessage(), e);
            }
        }
        return PROVIDERS;
    }

    /** The providers fa-core's module descriptor declares, for runs on the class path. */
    private static Map<String, LearningRuleProvider> builtInsFromDescriptor() {
        Map<String, LearningRuleProvider> out = new TreeMap<>();
        ModuleDescriptor d = ownDescriptor();
        for (ModuleDescriptor.Provides p : d.provides()) {
            if (!p.service().equals(LearningRuleProvider.class.getName())) {
                continue;
            }
            for (String cls : p.providers()) {
                try {
                    Object o = Class.forName(cls).getMethod("provider").invoke(null);
                    LearningRuleProvider provider = (LearningRuleProvider) o;
                    out.put(provider.name(), provider);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("built-in rule " + cls + " has no usable provider(): " + e, e);
                }
            }
        }
        return out;
    }

    private static ModuleDescriptor ownDescriptor() {
        try {
            Path where = Path.of(LearningRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                try (InputStream in = Files.newInputStream(where.resolve("module-info.class"))) {
                    return ModuleDescriptor.read(in);
                }
            }
            try (JarFile jar = new JarFile(where.toFile()); InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
                return ModuleDescriptor.read(in);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot read fa-core's module descriptor to find the built-in rules: " + e, e);
        }
    }
}
