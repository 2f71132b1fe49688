package org.caserouting.letters;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How decision letters are made.
 *
 * @param fonts TrueType fonts to set them in, the first installed one taken: a file, or a collection
 *     and the face's name after {@code #}
 */
@ConfigurationProperties("caserouting.letters")
record LetterProperties(
    @DefaultValue({"/usr/share/fonts/truetype/arphic/uming.ttc#UMingTW", "/usr/share/fonts/truetype/arphic/ukai.ttc#UKaiTW"})
    List<String> fonts) {}
