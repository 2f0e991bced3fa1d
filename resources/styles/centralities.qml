<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Fields|Forms|AttributeTable|CustomProperties|Relations">
 <renderer-v2 type="singleSymbol" referencescale="-1" enableorderby="0" forceraster="0" symbollevels="0">
  <symbols>
   <symbol type="fill" force_rhr="0" clip_to_extent="1" alpha="1" name="0">
    <data_defined_properties>
     <Option type="Map">
      <Option type="QString" name="name" value=""/>
      <Option name="properties"/>
      <Option type="QString" name="type" value="collection"/>
     </Option>
    </data_defined_properties>
    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
     <Option type="Map">
      <Option type="QString" name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
      <Option type="QString" name="color" value="31,120,180,40"/>
      <Option type="QString" name="joinstyle" value="bevel"/>
      <Option type="QString" name="offset" value="0,0"/>
      <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
      <Option type="QString" name="offset_unit" value="MM"/>
      <Option type="QString" name="outline_color" value="31,120,180,255"/>
      <Option type="QString" name="outline_style" value="solid"/>
      <Option type="QString" name="outline_width" value="0.6"/>
      <Option type="QString" name="outline_width_unit" value="MM"/>
      <Option type="QString" name="style" value="solid"/>
     </Option>
     <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="color" v="31,120,180,40"/>
     <prop k="joinstyle" v="bevel"/>
     <prop k="offset" v="0,0"/>
     <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
     <prop k="offset_unit" v="MM"/>
     <prop k="outline_color" v="31,120,180,255"/>
     <prop k="outline_style" v="solid"/>
     <prop k="outline_width" v="0.6"/>
     <prop k="outline_width_unit" v="MM"/>
     <prop k="style" v="solid"/>
     <data_defined_properties>
      <Option type="Map">
       <Option type="QString" name="name" value=""/>
       <Option name="properties"/>
       <Option type="QString" name="type" value="collection"/>
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
  </symbols>
  <rotation/>
  <sizescale/>
 </renderer-v2>
 <customproperties>
  <Option/>
 </customproperties>
 <blendMode>0</blendMode>
 <featureBlendMode>0</featureBlendMode>
 <referencedLayers/>
 <fieldConfiguration>
  <field name="fid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="uuid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="name" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="level" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="Centralité principale" value="primary"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centralité secondaire" value="secondary"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centralité de proximité" value="tertiary"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Zone commerciale périphérique" value="peripheral"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="commune_code" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="notes" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="true"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="code" configurationFlags="None">
   <editWidget type="">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias name="fid" field="fid" index="0"/>
  <alias name="Identifiant" field="uuid" index="1"/>
  <alias name="Nom" field="name" index="2"/>
  <alias name="Niveau" field="level" index="3"/>
  <alias name="Code commune (INSEE)" field="commune_code" index="4"/>
  <alias name="Notes" field="notes" index="5"/>
  <alias name="" field="code" index="6"/>
 </aliases>
 <defaults>
  <default expression="" field="fid" applyOnUpdate="0"/>
  <default expression="uuid('WithoutBraces')" field="uuid" applyOnUpdate="0"/>
  <default expression="" field="name" applyOnUpdate="0"/>
  <default expression="'primary'" field="level" applyOnUpdate="0"/>
  <default expression="" field="commune_code" applyOnUpdate="0"/>
  <default expression="" field="notes" applyOnUpdate="0"/>
  <default expression="" field="code" applyOnUpdate="0"/>
 </defaults>
 <constraints>
  <constraint unique_strength="1" exp_strength="0" field="fid" notnull_strength="1" constraints="3"/>
  <constraint unique_strength="1" exp_strength="0" field="uuid" notnull_strength="1" constraints="3"/>
  <constraint unique_strength="0" exp_strength="1" field="name" notnull_strength="1" constraints="5"/>
  <constraint unique_strength="0" exp_strength="0" field="level" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="commune_code" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="notes" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="1" exp_strength="0" field="code" notnull_strength="0" constraints="2"/>
 </constraints>
 <constraintExpressions>
  <constraint desc="" field="fid" exp=""/>
  <constraint desc="" field="uuid" exp=""/>
  <constraint desc="Donnez un nom à la centralité." field="name" exp="length(trim(&quot;name&quot;)) > 0"/>
  <constraint desc="" field="level" exp=""/>
  <constraint desc="" field="commune_code" exp=""/>
  <constraint desc="" field="notes" exp=""/>
  <constraint desc="" field="code" exp=""/>
 </constraintExpressions>
 <expressionfields/>
 <attributetableconfig sortOrder="0" sortExpression="" actionWidgetStyle="dropDown">
  <columns/>
 </attributetableconfig>
 <conditionalstyles>
  <rowstyles/>
  <fieldstyles/>
 </conditionalstyles>
 <storedexpressions/>
 <editform tolerant="1"/>
 <editforminit/>
 <editforminitcodesource>0</editforminitcodesource>
 <editforminitfilepath/>
 <editforminitcode><![CDATA[]]></editforminitcode>
 <featformsuppress>0</featformsuppress>
 <editorlayout>tablayout</editorlayout>
 <attributeEditorForm>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Identification" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="name" showLabel="1" index="2"/>
   <attributeEditorField name="level" showLabel="1" index="3"/>
   <attributeEditorField name="commune_code" showLabel="1" index="4"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Notes" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="notes" showLabel="1" index="5"/>
  </attributeEditorContainer>
 </attributeEditorForm>
 <editable>
  <field editable="1" name="commune_code"/>
  <field editable="0" name="fid"/>
  <field editable="1" name="level"/>
  <field editable="1" name="name"/>
  <field editable="1" name="notes"/>
  <field editable="0" name="uuid"/>
 </editable>
 <labelOnTop/>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <layerGeometryType>2</layerGeometryType>
</qgis>

