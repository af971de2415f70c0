package hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.beans.factory.support.ManagedList;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.junit.jupiter.api.Test;

class SecurityMatchingTest {

    private final BeanDefinition chain = new RootBeanDefinition(Object.class);

    @Test
    void theChainIsTakenOutOfSpringSecuritysCompositeWithTheIntrospectorCache() {
        assertThat(SecurityMatching.unwrapped(composite(List.of(named(SecurityMatching.INTROSPECTOR_CACHE), chain))))
                .isSameAs(chain);
    }

    @Test
    void anyOtherShapeIsLeftAsItIs() {
        assertThat(SecurityMatching.unwrapped(chain)).isNull();
        assertThat(SecurityMatching.unwrapped(composite(List.of(chain)))).isNull();
        assertThat(SecurityMatching.unwrapped(composite(List.of(named("some.OtherFilter"), chain)))).isNull();
        assertThat(SecurityMatching.unwrapped(composite(List.of(named(SecurityMatching.INTROSPECTOR_CACHE), chain,
                named("some.ThirdFilter"))))).isNull();
        assertThat(SecurityMatching.unwrapped(named(SecurityMatching.COMPOSITE))).isNull();
    }

    private static BeanDefinition composite(List<BeanDefinition> filters) {
        BeanDefinition composite = named(SecurityMatching.COMPOSITE);
        ManagedList<BeanDefinition> list = new ManagedList<>();
        list.addAll(filters);
        composite.getConstructorArgumentValues().addIndexedArgumentValue(0, list);
        return composite;
    }

    private static BeanDefinition named(String className) {
        GenericBeanDefinition definition = new GenericBeanDefinition();
        definition.setBeanClassName(className);
        return definition;
    }
}
