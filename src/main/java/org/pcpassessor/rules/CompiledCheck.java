package org.pcpassessor.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The trust boundary decided on the code that runs: every class Drools compiled from a phase's rule files (the
 * executable model makes every condition, consequence, {@code eval}, {@code from}, {@code accumulate} and function a
 * Java class) is read, and every class, method and field it names must be the rule API, a value or collection type,
 * the engine's own model or one of the classes compiled with it. Whatever the rule text looked like (unicode escapes,
 * a declared type named like a platform class, a name built from strings), what it compiles to cannot call
 * anything else: {@code System.exit}, files, processes, threads, reflection, class loaders, method handles, services,
 * scripting engines and the rest of the tool are simply not on the list. {@link RuleSafety} reads the text first,
 * before anything is compiled (so that nothing a rule names is loaded by the compiler either), and points at the
 * column; this check is the one that holds by construction.
 */
final class CompiledCheck {
    /** A reference of a compiled class to something outside the rule API, and the rule it was compiled from. */
    record Violation(String className, String reference, Optional<String> rulePackage, Optional<String> rule) {
    }

    /**
     * The rule API: every class of this package (not of a package under it) a rule's code may use, by
     * construction: what rules see is what the package holds (fact types, the factories of findings, sentences and
     * labels, Months), and the template engine, the wording and the rule scope live elsewhere (wording/,
     * rules/run/RuleScope). docs/rules-reference.md is generated from the same package.
     */
    static final String RULE_API = "org/pcpassessor/facts/";

    /** Whether an internal class name is of the rule API's package (a nested class included). */
    static boolean inRuleApi(String element) {
        return element.startsWith(RULE_API) && element.indexOf('/', RULE_API.length()) < 0;
    }

    /** Classes a rule's code may use whole (internal names). */
    private static final Set<String> CLASSES = Set.of(
            // the rule API is the package org.pcpassessor.facts, whole (RULE_API); of the catalogue, the types its
            // facts' methods return
            "org/pcpassessor/catalogue/Basis", "org/pcpassessor/catalogue/Kind",
            "org/pcpassessor/catalogue/Polarity", "org/pcpassessor/catalogue/SeriesKey",
            // values and text
            "java/lang/Object", "java/lang/String", "java/lang/StringBuilder", "java/lang/CharSequence",
            "java/lang/Math", "java/lang/StrictMath", "java/lang/Number", "java/lang/Integer", "java/lang/Long",
            "java/lang/Double", "java/lang/Float", "java/lang/Short", "java/lang/Byte", "java/lang/Boolean",
            "java/lang/Character", "java/lang/Comparable", "java/lang/Iterable", "java/lang/Enum",
            "java/math/BigDecimal", "java/math/BigInteger", "java/time/YearMonth", "java/time/LocalDate",
            "java/time/Month", "java/time/format/DateTimeFormatter", "java/time/format/DateTimeFormatterBuilder",
            // a rule may give up with a message: the runner reports it as the rule's error
            "java/lang/Throwable", "java/lang/Exception", "java/lang/RuntimeException",
            "java/lang/IllegalArgumentException", "java/lang/IllegalStateException", "java/lang/ArithmeticException",
            "java/lang/NullPointerException", "java/lang/IndexOutOfBoundsException",
            "java/lang/UnsupportedOperationException",
            // collections
            "java/util/List", "java/util/Map", "java/util/Map$Entry", "java/util/Set", "java/util/Collection",
            "java/util/Collections", "java/util/Arrays", "java/util/Objects", "java/util/Optional",
            "java/util/OptionalDouble", "java/util/OptionalInt", "java/util/ArrayList", "java/util/HashMap",
            "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/HashSet", "java/util/LinkedHashSet",
            "java/util/TreeSet", "java/util/Iterator", "java/util/Comparator", "java/util/Locale");

    /**
     * Packages whose every class a rule's code may use: functional interfaces, streams, and the parts of the engine's
     * rule model its generated code builds rules with (not the model's compiler, {@code org/drools/model/codegen/},
     * which compiles and loads classes from strings).
     */
    private static final List<String> PACKAGES = List.of("java/util/function/", "java/util/stream/",
            "org/drools/model/functions/", "org/drools/model/consequences/", "org/drools/model/operators/",
            "org/drools/model/view/", "org/drools/model/impl/", "org/drools/core/base/accumulators/");

    /** Single classes of the engine's model and compiler that generated rule code uses. */
    private static final Set<String> ENGINE_CLASSES = Set.of("org/drools/modelcompiler/dsl/pattern/D",
            "org/drools/modelcompiler/util/EvaluationUtil", "org/drools/model/PatternDSL", "org/drools/model/DSL",
            "org/drools/model/PatternDSL$PatternDef", "org/drools/model/DomainClassMetadata",
            "org/drools/model/Index$ConstraintType", "org/drools/model/Model", "org/drools/model/Rule",
            "org/drools/model/Rule$Attribute", "org/drools/model/RuleItemBuilder", "org/drools/model/Variable",
            "org/drools/model/Declaration", "org/drools/model/Argument", "org/drools/model/AlphaIndex",
            "org/drools/model/BetaIndex", "org/drools/model/Global", "org/drools/model/From",
            "org/drools/model/PatternDSL$PatternDefImpl", "org/drools/model/Index", "org/drools/model/RuleItem");

    /** Single members of otherwise closed classes, which the engine's generated code uses. */
    private static final Set<String> MEMBERS = Set.of("java/lang/System.arraycopy",
            "org/drools/util/DateUtils.getDateFormatMask");

    /** The bootstraps of lambdas and string concatenation: the only dynamic calls compiled code may make. */
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory", "java/lang/invoke/StringConcatFactory"
                    + ".makeConcatWithConstants");

    /**
     * Members no rule code may call on any class: they reach the class, its loader or the monitor, change the whole
     * JVM ({@code Locale.setDefault}), read its system properties ({@code Integer.getInteger}), print outside the
     * report, or run rule code on other threads than its guarded session's ({@code parallelStream}).
     */
    private static final Set<String> DENIED_MEMBERS = Set.of("getClass", "forName", "getClassLoader", "wait", "notify",
            "notifyAll", "finalize", "getDeclaringClass", "describeConstable", "setDefault", "getInteger", "getLong",
            "getBoolean", "printStackTrace", "setStackTrace", "parallelStream", "parallel");

    /** Engine classes of which only some members may be called: the consequence's {@code insert}, nothing else. */
    private static final Map<String, Set<String>> ONLY_MEMBERS = Map.of("org/drools/model/Drools", Set.of("insert"));

    /**
     * The engine's project model (one generated class per module, made from the module description the tool writes,
     * never from a rule file) builds the module's configuration with the KIE API.
     */
    private static final String PROJECT_MODEL = "org/drools/project/model/";

    /**
     * This check's allow-list, as a hash: a module filed as checked by another allow-list is checked again
     * ({@link RuleCache#markChecked}).
     */
    static final String VERSION = Integer.toHexString(java.util.Objects.hash(RULE_API, new java.util.TreeSet<>(CLASSES),
            PACKAGES, new java.util.TreeSet<>(ENGINE_CLASSES), new java.util.TreeSet<>(MEMBERS), new java.util.TreeSet<>(BOOTSTRAPS),
            new java.util.TreeSet<>(DENIED_MEMBERS), new java.util.TreeMap<>(ONLY_MEMBERS), PROJECT_MODEL));

    private CompiledCheck() {
    }

    /** Every reference outside the rule API of the classes in a compiled module's jar. */
    static List<Violation> check(byte[] jar) throws IOException {
        Map<String, byte[]> classes = classes(jar);
        Set<String> own = classes.keySet();
        Map<String, String[]> ruleOf = rulesOfClasses(classes);
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            String name = c.getKey();
            Set<String> bad = new LinkedHashSet<>();
            new ClassReader(c.getValue()).accept(new Refs(name, own, bad), ClassReader.SKIP_DEBUG);
            String[] rule = ruleOf.get(name);
            for (String b : bad) {
                out.add(new Violation(name, b, Optional.ofNullable(rule).map(r -> r[0]),
                        Optional.ofNullable(rule).map(r -> r[1])));
            }
        }
        return out;
    }

    /**
     * The rule (package and name) each class of a compiled module's jar was compiled from, by the class's binary name
     * ({@code pcp.classify.P12.LambdaPredicate12...}): for a failure on the stack of a condition's class, which names
     * no rule itself.
     */
    static Map<String, String[]> rules(byte[] jar) throws IOException {
        Map<String, byte[]> classes = classes(jar);
        Map<String, String[]> out = new HashMap<>();
        rulesOfClasses(classes).forEach((cls, rule) -> {
            if (!cls.contains("#")) {
                out.put(cls.replace('/', '.'), rule);
            }
        });
        return out;
    }

    /** The classes of a jar, by internal name. */
    private static Map<String, byte[]> classes(byte[] jar) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory() && e.getName().endsWith(".class")) {
                    byte[] bytes = in.readAllBytes();
                    classes.put(new ClassReader(bytes).getClassName(), bytes);
                }
            }
        }
        return classes;
    }

    /** Whether a class (internal name, or an array of one) may be used by rule code compiled into {@code own}. */
    static boolean allowedClass(String owner, Set<String> own, String from) {
        String element = owner;
        while (element.startsWith("[")) {
            element = element.substring(1);
        }
        if (element.startsWith("L") && element.endsWith(";")) {
            element = element.substring(1, element.length() - 1);
        } else if (element.length() == 1 && owner.startsWith("[")) {
            return true; // an array of a primitive type
        }
        if (own.contains(element) || inRuleApi(element) || CLASSES.contains(element) || ENGINE_CLASSES.contains(element)
                || ONLY_MEMBERS.containsKey(element)) {
            return true;
        }
        for (String p : PACKAGES) {
            if (element.startsWith(p)) {
                return true;
            }
        }
        return from.startsWith(PROJECT_MODEL) && (element.startsWith("org/kie/api/")
                || element.equals("org/kie/util/maven/support/ReleaseIdImpl")
                || element.equals("org/drools/modelcompiler/CanonicalKieModuleModel"));
    }

    /** Collects a class's references outside the rule API. */
    private static final class Refs extends ClassVisitor {
        private final String name;
        private final Set<String> own;
        private final Set<String> bad;

        Refs(String name, Set<String> own, Set<String> bad) {
            super(Opcodes.ASM9);
            this.name = name;
            this.own = own;
            this.bad = bad;
        }

        private void type(String internal) {
            if (internal != null && !allowedClass(internal, own, name)) {
                bad.add(internal.replace('/', '.'));
            }
        }

        private void member(String owner, String member, String descriptor) {
            Set<String> only = ONLY_MEMBERS.get(owner);
            boolean projectModel = name.startsWith(PROJECT_MODEL) && owner.startsWith("org/kie/api/");
            if ((DENIED_MEMBERS.contains(member) && !own.contains(owner) && !projectModel)
                    || (only != null && !only.contains(member))
                    // the engine's accumulate function made from a class object: it makes any class that has a
                    // public constructor without arguments (a supplier, as the compiler writes it, is checked)
                    || (member.equals("accFunction") && descriptor != null
                    && descriptor.startsWith("(Ljava/lang/Class;"))) {
                bad.add(owner.replace('/', '.') + "." + member);
            } else if (!allowedClass(owner, own, name) && !MEMBERS.contains(owner + "." + member)) {
                bad.add(owner.replace('/', '.') + "." + member);
            }
        }

        private void constant(Object value) {
            if (value instanceof Type t) {
                if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                    type(t.getInternalName());
                } else if (t.getSort() == Type.METHOD) {
                    // a method type names only types, which a call would need to reach anyway
                }
            } else if (value instanceof Handle h) {
                member(h.getOwner(), h.getName(), h.getDesc());
            }
        }

        @Override
        public void visit(int version, int access, String className, String signature, String superName,
                          String[] interfaces) {
            type(superName);
            if (interfaces != null) {
                for (String i : interfaces) {
                    type(i);
                }
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                         String[] exceptions) {
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                bad.add(name.replace('/', '.') + "." + method + " (native)");
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String called, String desc, boolean itf) {
                    member(owner, called, desc);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                    member(owner, field, null);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dims) {
                    type(desc);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value);
                }

                @Override
                public void visitInvokeDynamicInsn(String dynName, String desc, Handle bootstrap, Object... args) {
                    if (!BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName())) {
                        bad.add(bootstrap.getOwner().replace('/', '.') + "." + bootstrap.getName() + " (a dynamic call)");
                    }
                    for (Object a : args) {
                        constant(a);
                    }
                }

                @Override
                public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end,
                                               org.objectweb.asm.Label handler, String type) {
                    type(type);
                }
            };
        }
    }

    /**
     * The rule (package and name) each class was compiled from: the executable model makes each rule in a method
     * that calls {@code rule(package, name)} with the two as constants and names the classes of its conditions and
     * consequence; a class a method of a rule names (directly, or through another class) belongs to that rule.
     */
    private static Map<String, String[]> rulesOfClasses(Map<String, byte[]> classes) {
        Map<String, String[]> ruleOf = new HashMap<>();
        Map<String, Set<String>> namedBy = new HashMap<>(); // class -> own classes it names
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            String cls = c.getKey();
            new ClassReader(c.getValue()).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        private final List<String> strings = new ArrayList<>();
                        private final Set<String> named = new LinkedHashSet<>();
                        private String[] rule;

                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof String s) {
                                strings.add(s);
                            } else if (value instanceof Type t && t.getSort() == Type.OBJECT) {
                                named.add(t.getInternalName());
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String called, String desc,
                                                    boolean itf) {
                            named.add(owner);
                            if (called.equals("rule") && owner.startsWith("org/drools/model")
                                    && desc.startsWith("(Ljava/lang/String;Ljava/lang/String;)") && strings.size() >= 2
                                    && rule == null) {
                                rule = new String[] {strings.get(strings.size() - 2), strings.get(strings.size() - 1)};
                            }
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                            named.add(owner);
                        }

                        @Override
                        public void visitTypeInsn(int opcode, String type) {
                            named.add(type);
                        }

                        @Override
                        public void visitEnd() {
                            named.retainAll(classes.keySet());
                            namedBy.computeIfAbsent(cls, k -> new LinkedHashSet<>()).addAll(named);
                            if (rule != null) {
                                String[] r = rule;
                                ruleOf.putIfAbsent(cls + "#" + method, r);
                                named.forEach(n -> ruleOf.putIfAbsent(n, r));
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        // classes named by a rule's classes belong to it too (a lambda's own helper class, an anonymous class)
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> e : namedBy.entrySet()) {
                String[] r = ruleOf.get(e.getKey());
                if (r == null) {
                    continue;
                }
                for (String n : e.getValue()) {
                    if (ruleOf.putIfAbsent(n, r) == null) {
                        grew = true;
                    }
                }
            }
        }
        return ruleOf;
    }
}
