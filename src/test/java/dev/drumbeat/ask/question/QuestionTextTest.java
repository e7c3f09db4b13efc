package dev.drumbeat.ask.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionTextTest {

    @Test
    void leading_mentions_politeness_and_punctuation_are_trimmed() {
        QuestionText text =
                QuestionText.of("<@U024BE7LH> hey Drumbeat, could you please tell me who owns Payments?? thanks!");

        assertThat(text.canonical()).isEqualTo("who owns payments");
        assertThat(text.asked()).isEqualTo("hey Drumbeat, could you please tell me who owns Payments?? thanks!");
    }

    @Test
    void contractions_and_chat_shorthand_are_spelled_out() {
        assertThat(QuestionText.of("who's the owner? what hasn't checked in? whats stale")
                        .canonical())
                .isEqualTo("who is the owner what has not checked in what is stale");
    }

    @Test
    void us_spellings_and_keyword_slips_become_canonical_words() {
        assertThat(QuestionText.of("deprioritize deprioratise owener escalatoins programs")
                        .canonical())
                .isEqualTo("deprioritise deprioritise owner escalations programmes");
    }

    @Test
    void ordinary_words_near_a_keyword_keep_their_meaning() {
        assertThat(QuestionText.of("state stage right other going").canonical())
                .isEqualTo("state stage right other going");
    }

    @Test
    void names_are_given_back_as_typed_even_when_their_words_were_corrected() {
        QuestionText text = QuestionText.of("who owns Owener Portal's API");
        int start = text.canonical().indexOf("owner");

        assertThat(text.canonical()).isEqualTo("who owns owner portal 's api");
        assertThat(text.original(start, text.canonical().length())).isEqualTo("Owener Portal 's API");
    }

    @Test
    void commas_between_names_are_words_but_commas_in_numbers_are_not() {
        assertThat(QuestionText.of("save 120,000 without payments,crm, and 12,5k")
                        .canonical())
                .isEqualTo("save 120,000 without payments , crm , and 12,5k");
    }

    @Test
    void a_period_after_a_slash_and_a_hyphenated_count_are_spread_out() {
        assertThat(QuestionText.of("£2.5k/month six-week").canonical()).isEqualTo("£2.5k per month six week");
    }

    @Test
    void slack_escapes_are_undone() {
        assertThat(QuestionText.of("who owns Identity &amp; Access").canonical())
                .isEqualTo("who owns identity & access");
    }

    @Test
    void removing_a_stretch_keeps_the_rest_and_its_typed_words() {
        QuestionText text = QuestionText.of("cut Payments API to save 50k");
        QuestionText rest = text.without(0, "cut payments api".length());

        assertThat(rest.canonical()).isEqualTo("to save 50k");
        assertThat(text.original(4, 16)).isEqualTo("Payments API");
    }
}
