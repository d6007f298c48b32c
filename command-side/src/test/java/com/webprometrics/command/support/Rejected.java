package com.webprometrics.command.support;

import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.platform.domain.Rejection;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** For fixtures: the command was refused for this named reason ({@code expectException(rejected(…))}). */
public final class Rejected {
    private Rejected() {
    }

    public static Matcher<Throwable> rejected(Rejection rejection) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainException d && d.code().equals(rejection.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a command refused with " + rejection.code());
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText(item instanceof DomainException d ? "refused with " + d.code() : "threw " + item);
            }
        };
    }
}
