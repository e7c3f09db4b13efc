package dev.drumbeat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The house rules that keep Drumbeat walkable: a kernel below, infrastructure in the middle, features on top, no
 * package cycles at any depth, and SQL only in DAOs.
 */
@AnalyzeClasses(packages = "dev.drumbeat", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String KERNEL = "dev.drumbeat.core..";
    private static final String[] INFRASTRUCTURE = {
        "dev.drumbeat.slack..",
        "dev.drumbeat.prometheus..",
        "dev.drumbeat.web..",
        "dev.drumbeat.db..",
        "dev.drumbeat.schedule..",
        "dev.drumbeat.config..",
        "dev.drumbeat.metrics..",
        "dev.drumbeat.audit..",
        "dev.drumbeat.feature.."
    };
    private static final Set<String> SQL_METHODS = Set.of(
            "createQuery",
            "createUpdate",
            "createBatch",
            "prepareBatch",
            "createScript",
            "createCall",
            "execute",
            "select");

    @ArchTest
    static final ArchRule no_cycles_between_features =
            slices().matching("dev.drumbeat.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_cycles_between_any_packages =
            slices().matching("dev.drumbeat.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothing_imports_the_composition_root = noClasses()
            .that()
            .resideOutsideOfPackage("dev.drumbeat")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.drumbeat");

    @ArchTest
    static final ArchRule the_kernel_imports_nothing_of_drumbeat_above_it =
            noClasses().that().resideInAPackage(KERNEL).should().dependOnClassesThat(inDrumbeatOutside(KERNEL));

    @ArchTest
    static final ArchRule infrastructure_imports_only_the_kernel_and_infrastructure = noClasses()
            .that()
            .resideInAnyPackage(INFRASTRUCTURE)
            .should()
            .dependOnClassesThat(inDrumbeatOutside(concat(KERNEL, INFRASTRUCTURE)));

    @ArchTest
    static final ArchRule sql_runs_only_in_daos = noClasses()
            .that(outsideDaos())
            .should()
            .callMethodWhere(sqlOnAHandle())
            .because("SQL lives in DAOs: inline in @SqlQuery/@SqlUpdate, or in a .sql file beside the DAO");

    private static DescribedPredicate<JavaClass> inDrumbeatOutside(String... packages) {
        return DescribedPredicate.describe("in Drumbeat outside " + String.join(", ", packages), c -> {
            String name = c.getPackageName();
            if (!name.startsWith("dev.drumbeat")) {
                return false;
            }
            for (String p : packages) {
                String base = p.substring(0, p.length() - 2);
                if (name.equals(base) || name.startsWith(base + ".")) {
                    return false;
                }
            }
            return true;
        });
    }

    private static DescribedPredicate<JavaClass> outsideDaos() {
        return DescribedPredicate.describe(
                "are not DAOs or inside one", c -> !c.getName().split("\\$")[0].endsWith("Dao"));
    }

    private static DescribedPredicate<JavaMethodCall> sqlOnAHandle() {
        return DescribedPredicate.describe(
                "run SQL on a JDBI Handle",
                call -> SQL_METHODS.contains(call.getName())
                        && call.getTargetOwner().isAssignableTo(Handle.class));
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
