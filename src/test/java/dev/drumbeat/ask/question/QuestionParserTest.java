package dev.drumbeat.ask.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.drumbeat.ask.question.Amount.Per;
import dev.drumbeat.ask.question.Question.CostsTheMost;
import dev.drumbeat.ask.question.Question.Deprioritise;
import dev.drumbeat.ask.question.Question.Help;
import dev.drumbeat.ask.question.Question.HowIsDoing;
import dev.drumbeat.ask.question.Question.NegativeMargin;
import dev.drumbeat.ask.question.Question.UnitCost;
import dev.drumbeat.ask.question.Question.WhatIfSlips;
import dev.drumbeat.ask.question.Question.WhatIsEscalated;
import dev.drumbeat.ask.question.Question.WhatIsOwnerless;
import dev.drumbeat.ask.question.Question.WhatIsStale;
import dev.drumbeat.ask.question.Question.WhoIsDeputy;
import dev.drumbeat.ask.question.Question.WhoOwns;
import dev.drumbeat.core.ServiceMatcher.Candidate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuestionParserTest {

    static final List<Candidate> SERVICES = List.of(
            new Candidate("payments-api", "Payments API"),
            new Candidate("core-banking-ledger", "Core Banking Ledger"),
            new Candidate("customer-relationship-management", "Customer Relationship Management"),
            new Candidate("mobile-banking-app", "Mobile Banking App"),
            new Candidate("fraud-detection", "Fraud Detection"),
            new Candidate("data-warehouse", "Data Warehouse"),
            new Candidate("identity-access-management", "Identity & Access Management"),
            new Candidate("service-desk", "Service Desk"),
            new Candidate("email-collaboration", "Email & Collaboration"),
            new Candidate("trading-platform", "Trading Platform"),
            new Candidate("backup-recovery", "Backup and Recovery"),
            new Candidate("network-operations", "Network Operations"));
    static final List<Candidate> INITIATIVES = List.of(
            new Candidate("cloud-migration", "Cloud Migration"),
            new Candidate("dc-exit", "Data Centre Exit"),
            new Candidate("crm-replacement", "CRM Replacement"),
            new Candidate("mainframe-decommissioning", "Mainframe Decommissioning"));

    private final QuestionParser parser = new QuestionParser(SERVICES, INITIATIVES);

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("phrasings")
    void each_phrasing_is_understood_as_the_question_it_asks(String text, Question expected) {
        assertThat(parser.parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> phrasings() {
        return Stream.of(
                        ownerPhrasings(),
                        deputyPhrasings(),
                        statusPhrasings(),
                        portfolioPhrasings(),
                        unitCostPhrasings(),
                        savingPhrasings(),
                        exclusionPhrasings(),
                        slipPhrasings(),
                        helpPhrasings())
                .flatMap(phrasings -> phrasings);
    }

    private static Stream<Arguments> ownerPhrasings() {
        return Stream.of(
                arguments("who owns payments api?", new WhoOwns("payments-api")),
                arguments("Who owns Payments-API", new WhoOwns("payments-api")),
                arguments("<@U024BE7LH> who owns the paymnets api?", new WhoOwns("payments-api")),
                arguments(
                        "hey drumbeat, could you tell me who is responsible for core banking please?",
                        new WhoOwns("core-banking-ledger")),
                arguments("who's responsible for the CRM", new WhoOwns("customer-relationship-management")),
                arguments("who is the owener of fraud detection", new WhoOwns("fraud-detection")),
                arguments("owner of data warehouse", new WhoOwns("data-warehouse")),
                arguments("data warehouse owner?", new WhoOwns("data-warehouse")),
                arguments("who is in charge of the service desk", new WhoOwns("service-desk")),
                arguments("who looks after identity & access management", new WhoOwns("identity-access-management")),
                arguments("Identity &amp; Access Management owner", new WhoOwns("identity-access-management")),
                arguments("Who runs trading platform?", new WhoOwns("trading-platform")),
                arguments("who do I talk to about network operations", new WhoOwns("network-operations")),
                arguments("who is payments api's owner", new WhoOwns("payments-api")),
                arguments("whos the owner for backup and recovery", new WhoOwns("backup-recovery")),
                arguments(
                        "who is resposible for the emial & collaboration service", new WhoOwns("email-collaboration")),
                arguments("who onws payments", new WhoOwns("payments-api")),
                arguments("who owns \"Payments API\"", new WhoOwns("payments-api")),
                arguments("who owns *payments api*", new WhoOwns("payments-api")),
                arguments("<@U1> <@U2|drumbeat> which team owns #payments-api", new WhoOwns("payments-api")));
    }

    private static Stream<Arguments> deputyPhrasings() {
        return Stream.of(
                arguments("who is the deputy for payments api", new WhoIsDeputy("payments-api")),
                arguments("who's the backup for core banking?", new WhoIsDeputy("core-banking-ledger")),
                arguments("who covers for fraud detection", new WhoIsDeputy("fraud-detection")),
                arguments("who covers for fraud detection when priya is away", new WhoIsDeputy("fraud-detection")),
                arguments("who's deputising for payments api?", new WhoIsDeputy("payments-api")),
                arguments("what does a transaction of payments api cost us?", new UnitCost("payments-api")),
                arguments("deputy of the data warehouse", new WhoIsDeputy("data-warehouse")),
                arguments("who is the deputey owner of mobile banking", new WhoIsDeputy("mobile-banking-app")),
                arguments("who's trading platform's backup", new WhoIsDeputy("trading-platform")),
                arguments("who is the deptuy for payments", new WhoIsDeputy("payments-api")));
    }

    private static Stream<Arguments> statusPhrasings() {
        return Stream.of(
                arguments("how is payments api doing?", new HowIsDoing("payments-api")),
                arguments("How's the mobile banking app going", new HowIsDoing("mobile-banking-app")),
                arguments("status of fraud detection", new HowIsDoing("fraud-detection")),
                arguments("what's the status of the data warehouse?", new HowIsDoing("data-warehouse")),
                arguments("is core banking ok?", new HowIsDoing("core-banking-ledger")),
                arguments("service desk status please", new HowIsDoing("service-desk")),
                arguments("how are network operations looking", new HowIsDoing("network-operations")),
                arguments("any update on email & collaboration", new HowIsDoing("email-collaboration")),
                arguments("is the payments api healthy right now?", new HowIsDoing("payments-api")),
                arguments("how is the fraud detecton service", new HowIsDoing("fraud-detection")),
                arguments("how are things with payments", new HowIsDoing("payments-api")),
                arguments("what's the latest on the data warehouse", new HowIsDoing("data-warehouse")));
    }

    private static Stream<Arguments> portfolioPhrasings() {
        return Stream.of(
                arguments("what is stale?", new WhatIsStale()),
                arguments("whta is stael", new WhatIsStale()),
                arguments("who hasn't done their check-in", new WhatIsStale()),
                arguments("what hasn't checked in?", new WhatIsStale()),
                arguments("which services haven't checked in this week", new WhatIsStale()),
                arguments("who didn't check in", new WhatIsStale()),
                arguments("anything stale right now?", new WhatIsStale()),
                arguments("whats overdue", new WhatIsStale()),
                arguments("what is ownerless?", new WhatIsOwnerless()),
                arguments("which services don't have an owner", new WhatIsOwnerless()),
                arguments("what's orphaned", new WhatIsOwnerless()),
                arguments("who owns nothing?", new WhatIsOwnerless()),
                arguments("which services have no owner", new WhatIsOwnerless()),
                arguments("list unowned services", new WhatIsOwnerless()),
                arguments("what is escalated?", new WhatIsEscalated()),
                arguments("open escalations", new WhatIsEscalated()),
                arguments("show me the escalations please", new WhatIsEscalated()),
                arguments("what's been escalated to leadership", new WhatIsEscalated()),
                arguments("any open escalatoins?", new WhatIsEscalated()),
                arguments("which OKRs are at risk?", new Question.OkrsAtRisk()),
                arguments("how is O3 doing?", new Question.HowIsObjective(3)),
                arguments("how's objective 12 going", new Question.HowIsObjective(12)),
                arguments("progress on O7", new Question.HowIsObjective(7)),
                arguments("what key results are off track", new Question.OkrsAtRisk()),
                arguments("any objectives at risk this quarter?", new Question.OkrsAtRisk()),
                arguments("which key results are vanity?", new Question.VanityResults()),
                arguments("any vanity metrics?", new Question.VanityResults()),
                arguments("what costs the most?", new CostsTheMost()),
                arguments("biggest spend", new CostsTheMost()),
                arguments("top costs", new CostsTheMost()),
                arguments("which services drive the cost", new CostsTheMost()),
                arguments("what are our most expensive services", new CostsTheMost()),
                arguments("what are the biggest cost drivers", new CostsTheMost()),
                arguments("where is margin negative?", new NegativeMargin()),
                arguments("what loses money", new NegativeMargin()),
                arguments("which services are losing money?", new NegativeMargin()),
                arguments("anything with a negative margin", new NegativeMargin()),
                arguments("what is in the red", new NegativeMargin()));
    }

    private static Stream<Arguments> unitCostPhrasings() {
        return Stream.of(
                arguments("what is the unit cost of payments api", new UnitCost("payments-api")),
                arguments("unit cost for fraud detection?", new UnitCost("fraud-detection")),
                arguments("how much does the data warehouse cost per unit", new UnitCost("data-warehouse")),
                arguments("what's mobile banking app's unit cost", new UnitCost("mobile-banking-app")),
                arguments("how much does paymnets cost per transaction", new UnitCost("payments-api")),
                arguments("cost per unit of core banking", new UnitCost("core-banking-ledger")));
    }

    private static Stream<Arguments> savingPhrasings() {
        return Stream.of(
                arguments("what can we deprioritise to save 50k?", saving("50000", Per.MONTH)),
                arguments("what can we deprioritize to save 50K a month", saving("50000", Per.MONTH)),
                arguments("What could we cut to save $1.2m per year?", saving("1200000", Per.YEAR, "$")),
                arguments("what can we drop to save 1.2 million annually", saving("1200000", Per.YEAR)),
                arguments("what should we pause to save 120,000 a quarter", saving("120000", Per.QUARTER)),
                arguments("what can we stop to save 120000 quarterly", saving("120000", Per.QUARTER)),
                arguments("what can we deprioritise to save €40k a quarter", saving("40000", Per.QUARTER, "€")),
                arguments("what could we cut to save £2.5k/month", saving("2500", Per.MONTH, "£")),
                arguments(
                        "what can we deprioritise to save 2% of monthly cost",
                        new Deprioritise(Amount.percentOfMonthlyCost(new BigDecimal("2")), Set.of(), false)),
                arguments(
                        "what can we cut to save 5 percent",
                        new Deprioritise(Amount.percentOfMonthlyCost(new BigDecimal("5")), Set.of(), false)),
                arguments(
                        "hey drumbeat, what could we shelve to free up half a million a year?",
                        saving("500000", Per.YEAR)),
                arguments("what programmes can we stop to save 90k anually", saving("90000", Per.YEAR)),
                arguments(
                        "what can we deprioratise to save 25k including strategic",
                        new Deprioritise(Amount.of(new BigDecimal("25000"), Per.MONTH), Set.of(), true)),
                arguments(
                        "what can we cut to save 100k per annum, even strategic ones",
                        new Deprioritise(Amount.of(new BigDecimal("100000"), Per.YEAR), Set.of(), true)),
                arguments(
                        "what can we cut to save 40k a month but leave strategic services alone",
                        saving("40000", Per.MONTH)),
                arguments("Waht can we deprioritse to save 50k", saving("50000", Per.MONTH)),
                arguments(
                        "What could we deprioritize to save USD 50,000 per month?", saving("50000", Per.MONTH, "usd")),
                arguments("what can we cut to save 50k quartrly", saving("50000", Per.QUARTER)),
                arguments("what can we cut to save 250k p.a.", saving("250000", Per.YEAR)),
                arguments("what can we cut to save 18k per qtr", saving("18000", Per.QUARTER)),
                arguments("what can we cut to save 1,250.50 monthly", saving("1250.50", Per.MONTH)),
                arguments("what can we axe to save 5 grand a month", saving("5000", Per.MONTH)),
                arguments("where can we cut 20k a month", saving("20000", Per.MONTH)),
                arguments("find me 40k a month of savings", saving("40000", Per.MONTH)),
                arguments(
                        "what can we cut by 10%",
                        new Deprioritise(Amount.percentOfMonthlyCost(new BigDecimal("10")), Set.of(), false)));
    }

    private static Stream<Arguments> exclusionPhrasings() {
        return Stream.of(
                arguments(
                        "what can we deprioratise to save 30k per month without touching payments api, crm and the data warehouse",
                        excluding(
                                "30000",
                                Per.MONTH,
                                false,
                                "payments-api",
                                "customer-relationship-management",
                                "data-warehouse")),
                arguments(
                        "what can we drop to save 10k monthly but keep fraud detection",
                        excluding("10000", Per.MONTH, false, "fraud-detection")),
                arguments(
                        "what can we pause to save 80k a year except the mobile app",
                        excluding("80000", Per.YEAR, false, "mobile-banking-app")),
                arguments(
                        "what can we stop to save 60k a year without touching backup and recovery or paymnets, "
                                + "including strategic ones",
                        excluding("60000", Per.YEAR, true, "backup-recovery", "payments-api")),
                arguments(
                        "what can we deprioritise to save 20k every month while keeping the cloud migration",
                        excluding("20000", Per.MONTH, false, "cloud-migration")),
                arguments(
                        "without touching trading platform, what can we cut to save 15k a month?",
                        excluding("15000", Per.MONTH, false, "trading-platform")),
                arguments(
                        "what should we deprioritise if we need to save £500k annually excluding payments api and crm, "
                                + "strategic included",
                        new Deprioritise(
                                Amount.of(new BigDecimal("500000"), Per.YEAR).saidIn("£"),
                                Set.of("payments-api", "customer-relationship-management"),
                                true)),
                arguments(
                        "what can we deprioritise to save 30k a month, apart from trading platform and the crm replacement",
                        excluding("30000", Per.MONTH, false, "trading-platform", "crm-replacement")),
                arguments(
                        "what can we deprioritise to save 30k a month not including strategic ones",
                        saving("30000", Per.MONTH)),
                arguments(
                        "save 50k a month, don't touch fraud detection",
                        excluding("50000", Per.MONTH, false, "fraud-detection")),
                arguments(
                        "what can we cut to save 50k a month; do not touch payments api",
                        excluding("50000", Per.MONTH, false, "payments-api")),
                arguments(
                        "what can we cut to save 50k a month, fraud detection is off limits",
                        excluding("50000", Per.MONTH, false, "fraud-detection")),
                arguments(
                        "what can we cut to save 50k a month? leave the mobile app out of it",
                        excluding("50000", Per.MONTH, false, "mobile-banking-app")),
                arguments(
                        "what can we cut to save 50k a month, not crm",
                        excluding("50000", Per.MONTH, false, "customer-relationship-management")),
                arguments(
                        "don't touch trading platform – what can we cut to save 15k a month?",
                        excluding("15000", Per.MONTH, false, "trading-platform")),
                arguments(
                        "what can we cut to save 40k a month without touching anything strategic",
                        saving("40000", Per.MONTH)),
                arguments("what can we cut to save 40k a month, nothing strategic", saving("40000", Per.MONTH)),
                arguments(
                        "what can we cut to save 40k a month, hands off the data warehouse",
                        excluding("40000", Per.MONTH, false, "data-warehouse")));
    }

    /** A slip said in months or quarters: whole months, as money counts them, not weeks. */
    private static Per months(int months, String phrase) {
        return new Per(BigDecimal.valueOf(months), BigDecimal.ONE, phrase);
    }

    private static Stream<Arguments> slipPhrasings() {
        return Stream.of(
                arguments("what if the cloud migration slips 6 weeks?", new WhatIfSlips("cloud-migration", 6)),
                arguments("what if cloud migration slips by six weeks", new WhatIfSlips("cloud-migration", 6)),
                arguments("what happens if the data centre exit is delayed by 3 weeks", new WhatIfSlips("dc-exit", 3)),
                arguments(
                        "what if the CRM replacement programme slips a month",
                        new WhatIfSlips("crm-replacement", months(1, "1 month"))),
                arguments(
                        "what if the mainframe decommissioning is two weeks late",
                        new WhatIfSlips("mainframe-decommissioning", 2)),
                arguments("what if we delay the cloud migration by a fortnight", new WhatIfSlips("cloud-migration", 2)),
                arguments("what if cloud migraton slips by twelve weeks", new WhatIfSlips("cloud-migration", 12)),
                arguments(
                        "what if the data centre exit slips a quarter",
                        new WhatIfSlips("dc-exit", months(3, "a quarter"))),
                arguments(
                        "what would happen if the cloud migration slipped 14 days",
                        new WhatIfSlips("cloud-migration", 2)),
                arguments("impact of the cloud migration slipping 8 weeks", new WhatIfSlips("cloud-migration", 8)),
                arguments(
                        "what would happen if the cloud migration is pushed back 2 weeks",
                        new WhatIfSlips("cloud-migration", 2)),
                arguments(
                        "what's the impact of a six-week delay to the cloud migration",
                        new WhatIfSlips("cloud-migration", 6)),
                arguments(
                        "if the data centre exit slips 2 months, what happens",
                        new WhatIfSlips("dc-exit", months(2, "2 months"))),
                arguments(
                        "what if the CRM replacement project runs late by three weeks",
                        new WhatIfSlips("crm-replacement", 3)));
    }

    private static Stream<Arguments> helpPhrasings() {
        return Stream.of(
                arguments("help", new Help()),
                arguments("what can you do?", new Help()),
                arguments("<@U024BE7LH> help please", new Help()),
                arguments("how does this work", new Help()));
    }

    private static Deprioritise saving(String value, Per per) {
        return new Deprioritise(Amount.of(new BigDecimal(value), per), Set.of(), false);
    }

    /** A saving said in a currency (its sign, code or word as typed, lower case), which the answer must honour. */
    private static Deprioritise saving(String value, Per per, String currency) {
        return new Deprioritise(Amount.of(new BigDecimal(value), per).saidIn(currency), Set.of(), false);
    }

    private static Deprioritise excluding(String value, Per per, boolean includeStrategic, String... keys) {
        return new Deprioritise(Amount.of(new BigDecimal(value), per), Set.of(keys), includeStrategic);
    }
}
